// swift-tools-version:6.0
// The codec benchmark, kept out of the main package so that XMLCoder is built only here.
// Run: swift run -c release --package-path Benchmarks/CodecBench codec-bench
import PackageDescription

let package = Package(
    name: "CodecBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "turkish-sms-providers", path: "../.."),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    ],
    targets: [
        .executableTarget(
            name: "codec-bench",
            dependencies: [
                .product(name: "NodeAPI", package: "turkish-sms-providers"),
                .product(name: "NodeAPIJSON", package: "turkish-sms-providers"),
                .product(name: "NodeAPISOAP", package: "turkish-sms-providers"),
                .product(name: "LibXML", package: "turkish-sms-providers"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ],
            path: "Sources/CodecBench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
