// swift-tools-version:6.0
// libFuzzer targets, one per entry point of the mocks, kept out of the main package so that a normal build never
// compiles them. Build and run with Fuzz/run.sh (it passes -sanitize=fuzzer,address); see Fuzz/README.md.
import PackageDescription

let mocks: [Target.Dependency] = [
    "FuzzSupport",
    .product(name: "MockSimulations", package: "turkish-sms-providers"),
    .product(name: "MockRecording", package: "turkish-sms-providers"),
    .product(name: "MockProviders", package: "turkish-sms-providers"),
    .product(name: "NodeAPI", package: "turkish-sms-providers"),
    .product(name: "MySoftIYS", package: "turkish-sms-providers"),
    .product(name: "EuromsgExpress", package: "turkish-sms-providers"),
    .product(name: "Hummingbird", package: "hummingbird"),
]

let package = Package(
    name: "Fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "turkish-sms-providers", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CLibFuzzer",
                .product(name: "MockSimulations", package: "turkish-sms-providers"),
                .product(name: "MockProviders", package: "turkish-sms-providers"),
                .product(name: "LibXML", package: "turkish-sms-providers"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "fuzz-node-api-json", dependencies: mocks),
        .executableTarget(name: "fuzz-node-api-soap", dependencies: mocks),
        .executableTarget(name: "fuzz-iys", dependencies: mocks),
        .executableTarget(name: "fuzz-euromsg", dependencies: mocks),
        .executableTarget(name: "fuzz-scenario", dependencies: mocks),
        .executableTarget(name: "fuzz-admin", dependencies: mocks),
        .executableTarget(name: "fuzz-replay", dependencies: mocks),
        .executableTarget(name: "fuzz-time", dependencies: mocks),
        .executableTarget(name: "fuzz-yaml", dependencies: mocks + [.product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "fuzz-snapshot", dependencies: mocks),
        .executableTarget(name: "fuzz-worlds", dependencies: mocks),
    ],
    swiftLanguageModes: [.v6]
)
