// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "turkish-sms-providers",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "provider-mock", targets: ["provider-mock"]),
        .library(name: "NodeAPI", targets: ["NodeAPI"]),
        .library(name: "NodeAPIJSON", targets: ["NodeAPIJSON"]),
        .library(name: "NodeAPISOAP", targets: ["NodeAPISOAP"]),
        .library(name: "LibXML", targets: ["LibXML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libxml2 through pkg-config; nothing but LibXML imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "LibXML", dependencies: ["CLibXML2"]),
        .target(name: "NodeAPI"),
        .target(name: "NodeAPIJSON", dependencies: ["NodeAPI"]),
        .target(name: "NodeAPISOAP", dependencies: ["NodeAPI", "LibXML"]),
        // The mock providers' behaviour (state, rules, clock), kept apart from HTTP routing.
        .target(name: "MockProviders", dependencies: ["NodeAPI"]),
        .target(
            name: "ProviderMockCLI",
            dependencies: [
                "NodeAPI", "NodeAPIJSON", "NodeAPISOAP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "provider-mock", dependencies: ["ProviderMockCLI"]),

        // The document's examples as typed values, shared by the codec tests and the benchmark.
        .target(name: "NodeAPIExamples", dependencies: ["NodeAPI", "LibXML"], path: "Tests/NodeAPIExamples"),
        .testTarget(name: "LibXMLTests", dependencies: ["LibXML"]),
        .testTarget(name: "NodeAPITests", dependencies: ["NodeAPI"]),
        .testTarget(name: "NodeAPIJSONTests", dependencies: ["NodeAPI", "NodeAPIJSON", "NodeAPIExamples"], resources: [.copy("Golden")]),
        .testTarget(
            name: "NodeAPISOAPTests",
            dependencies: ["NodeAPI", "NodeAPISOAP", "LibXML", "NodeAPIExamples"],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "MockProvidersTests", dependencies: ["MockProviders", "NodeAPI"]),
        .testTarget(name: "ProviderMockCLITests", dependencies: ["ProviderMockCLI", "NodeAPI", "NodeAPISOAP", "NodeAPIExamples", "provider-mock"]),
    ],
    swiftLanguageModes: [.v6]
)
