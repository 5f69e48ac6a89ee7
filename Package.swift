// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "turkish-sms-providers",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "provider-mock", targets: ["provider-mock"]),
        .library(name: "NodeAPI", targets: ["NodeAPI"]),
        .library(name: "NodeAPIJSON", targets: ["NodeAPIJSON"]),
        .library(name: "NodeAPISOAP", targets: ["NodeAPISOAP"]),
        .library(name: "LibXML", targets: ["LibXML"]),
        .library(name: "MySoftIYS", targets: ["MySoftIYS"]),
        .library(name: "EuromsgExpress", targets: ["EuromsgExpress"]),
        .library(name: "ProviderClients", targets: ["ProviderClients"]),
        .library(name: "Connector", targets: ["Connector"]),
        // The mocks' behaviour with no I/O (states, transitions, scenarios, clocks), and the mock servers over it: for
        // harnesses and the fuzz targets in Fuzz/.
        .library(name: "MockSimulations", targets: ["MockSimulations"]),
        .library(name: "MockAdmin", targets: ["MockAdmin"]),
        .library(name: "MockRecording", targets: ["MockRecording"]),
        .library(name: "MockProviders", targets: ["MockProviders"]),
        // Conformance checks of any endpoint (provider-mock check).
        .library(name: "Conformance", targets: ["Conformance"]),
        // The mocks in a Swift test's process, with a typed handle over their admin API.
        .library(name: "ProviderMockTesting", targets: ["ProviderMockTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // TLS on the Node API's port 9588: the server (swift-nio-ssl through HummingbirdTLS) and its local CA.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // libxml2 through pkg-config; nothing but LibXML imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "LibXML", dependencies: ["CLibXML2"]),
        // glibc's malloc_trim, for the worlds' memory given back when they go; nothing but MockWorlds imports it.
        .systemLibrary(name: "CMalloc"),
        // Coding paths, decoding problems, JSON coder set-up and calendar arithmetic, once for every codec.
        .target(name: "WireCoding"),
        .target(name: "NodeAPI", dependencies: ["WireCoding"]),
        .target(name: "NodeAPIJSON", dependencies: ["NodeAPI", "WireCoding"]),
        .target(name: "NodeAPISOAP", dependencies: ["NodeAPI", "LibXML"]),
        // The MySoft İYS API: model and JSON codec in one (JSON is its only wire).
        .target(name: "MySoftIYS", dependencies: ["WireCoding"]),
        // The Euromsg Express CRM/ERP gateway: model and JSON codec; İYS fields reuse MySoftIYS's vocabulary.
        .target(name: "EuromsgExpress", dependencies: ["MySoftIYS", "WireCoding"]),
        // Async clients of the three providers, over AsyncHTTPClient and the same codecs as the mocks.
        .target(
            name: "ProviderClients",
            dependencies: [
                "NodeAPI", "NodeAPIJSON", "NodeAPISOAP", "MySoftIYS", "EuromsgExpress", "WireCoding",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The messaging platform's side: connections per İYS type, sender lists, rank-order fail-over, İYS modes.
        .target(
            name: "Connector",
            dependencies: ["ProviderClients", "NodeAPI", "MySoftIYS", "WireCoding", .product(name: "Yams", package: "Yams")]
        ),
        // The mock providers' behaviour with no I/O: each provider's state and its transitions, the scenario's values,
        // the clocks, faults and callbacks as values. Models and WireCoding only below it.
        .target(
            name: "MockSimulations",
            dependencies: [
                "NodeAPI", "MySoftIYS", "EuromsgExpress", "WireCoding",
                .product(name: "Yams", package: "Yams"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            // The bundled scenario (Resources/default.yaml), compiled in as the servers' resources are.
            exclude: ["Resources"],
            plugins: ["EmbedResources"]
        ),
        // The admin API's models and its table of calls, shared by its routes and the clients of it (MockControl), and the
        // ports the mocks listen on by default.
        .target(
            name: "MockAdmin",
            dependencies: [
                "MockSimulations", "NodeAPI", "MySoftIYS", "EuromsgExpress", "WireCoding",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The recording format (`serve --replay DIR`, `provider-mock proxy`): exchanges as files, their keys, credentials
        // redacted from them, and a proxied WSDL's address.
        .target(name: "MockRecording", dependencies: ["NodeAPI", "NodeAPIJSON", "NodeAPISOAP", "LibXML", "WireCoding"]),
        // The mock servers: routes, middleware, the admin API, connections, callbacks' delivery and the services.
        .target(
            name: "MockProviders",
            dependencies: [
                "MockSimulations", "MockAdmin", "MockRecording", "NodeAPI", "NodeAPIJSON", "NodeAPISOAP", "LibXML", "MySoftIYS", "EuromsgExpress", "WireCoding", "CMalloc",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            // The WSDL, the inbox page, the OpenAPI descriptions and the bundled scenario are compiled in (EmbedResources),
            // so the built program needs no resource bundle beside it.
            exclude: ["Resources"],
            plugins: ["EmbedResources"]
        ),
        // Writes a target's Resources/ files into a Swift source at build time.
        .executableTarget(name: "embed-resources"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
        // The contract of each provider against any endpoint, on the typed model: what differs from the document.
        .target(
            name: "Conformance",
            dependencies: [
                "NodeAPI", "NodeAPIJSON", "NodeAPISOAP", "LibXML", "MySoftIYS", "EuromsgExpress", "ProviderClients", "WireCoding", "MockRecording", "MockSimulations", "MockProviders",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // What describes the APIs, generated from the operation tables: the README's reference, the WSDL's operations,
        // the Postman collections (provider-mock describe).
        .target(
            name: "Descriptions",
            dependencies: [
                "NodeAPI", "NodeAPIJSON", "MySoftIYS", "EuromsgExpress", "LibXML", "Conformance", "MockAdmin", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "ProviderMockTesting",
            dependencies: ["WireCoding", 
                "MockSimulations", "MockAdmin", "MockProviders", "NodeAPI", "MySoftIYS",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "ProviderMockCLI",
            dependencies: [
                "NodeAPI", "NodeAPIJSON", "NodeAPISOAP", "MockRecording", "MockSimulations", "MockAdmin", "MockProviders", "Connector", "Conformance", "Descriptions", "WireCoding",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // The Node API's TLS port: its server and its local CA (here, so the mocks and their fuzz builds need no TLS).
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // `provider-mock --version` names the commit (BuildInfo).
            plugins: ["BuildInfo"]
        ),
        .executableTarget(name: "provider-mock", dependencies: ["ProviderMockCLI"]),
        // Reads the package's .git at build time and names the commit in a Swift source.
        .executableTarget(name: "build-info"),
        .plugin(name: "BuildInfo", capability: .buildTool(), dependencies: ["build-info"]),

        // The document's examples as typed values, shared by the codec tests and the benchmark.
        .target(name: "NodeAPIExamples", dependencies: ["NodeAPI", "LibXML"], path: "Tests/NodeAPIExamples"),
        .testTarget(name: "LibXMLTests", dependencies: ["LibXML"]),
        .testTarget(name: "NodeAPITests", dependencies: ["NodeAPI"]),
        .testTarget(name: "MySoftIYSTests", dependencies: ["MySoftIYS"]),
        .testTarget(name: "EuromsgExpressTests", dependencies: ["EuromsgExpress", "MySoftIYS"]),
        .testTarget(name: "WireCodingTests", dependencies: ["WireCoding"]),
        .testTarget(name: "NodeAPIJSONTests", dependencies: ["NodeAPI", "NodeAPIJSON", "NodeAPIExamples"], resources: [.copy("Golden")]),
        .testTarget(
            name: "NodeAPISOAPTests",
            dependencies: ["NodeAPI", "NodeAPISOAP", "LibXML", "NodeAPIExamples"],
            resources: [.copy("Golden")]
        ),
        // The bundled scenario's accounts, shared by the simulations' and the servers' tests.
        .target(name: "MockFixtures", dependencies: ["MockSimulations"], path: "Tests/MockFixtures"),
        // The simulations without I/O: states, transitions, queues and times, with no server.
        .testTarget(
            name: "MockSimulationsTests",
            dependencies: ["MockSimulations", "MockFixtures", "NodeAPI", "MySoftIYS", "EuromsgExpress", "WireCoding", "NodeAPIExamples"]
        ),
        .testTarget(
            name: "MockProvidersTests",
            dependencies: ["WireCoding", 
                "MockFixtures", "MockRecording", "MockSimulations", "MockAdmin", "MockProviders", "ProviderMockTesting", "NodeAPI", "NodeAPIJSON", "NodeAPISOAP", "MySoftIYS", "EuromsgExpress", "NodeAPIExamples",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ProviderClientsTests",
            dependencies: [
                // The connector's tests live here too: they need the same live mocks.
                "ProviderClients", "Connector", "MockSimulations", "MockAdmin", "MockProviders", "ProviderMockTesting", "NodeAPI", "MySoftIYS", "EuromsgExpress", "Descriptions",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ConformanceTests",
            dependencies: [
                "Conformance", "ProviderMockTesting", "MockRecording", "MockSimulations", "MockAdmin", "MockProviders", "NodeAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "DescriptionsTests", dependencies: ["Descriptions", "NodeAPI", "MySoftIYS", "EuromsgExpress", "Conformance", "MockSimulations", "MockAdmin", "MockProviders"]),
        .testTarget(name: "ProviderMockCLITests", dependencies: ["ProviderMockCLI", "NodeAPI", "NodeAPISOAP", "NodeAPIExamples", "provider-mock"]),
    ],
    swiftLanguageModes: [.v6]
)
