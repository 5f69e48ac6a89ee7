// swift-tools-version:6.0
// The request-path benchmark: a provider's router driven in process, one request after another, so that valgrind
// can count the instructions a request costs (deterministic, unlike time on this machine). Kept out of the main package.
// Run: Benchmarks/PipelineBench/instructions.sh [BINARY] [LOAD…]
import PackageDescription

let package = Package(
    name: "PipelineBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "turkish-sms-providers", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .executableTarget(
            name: "pipeline-bench",
            dependencies: [
                .product(name: "MockSimulations", package: "turkish-sms-providers"),
                .product(name: "MockProviders", package: "turkish-sms-providers"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Sources/pipeline-bench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
