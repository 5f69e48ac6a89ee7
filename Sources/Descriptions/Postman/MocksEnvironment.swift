import MockAdmin

/// The environment the three collections run with: the mocks on their default ports, with the default scenario's
/// accounts (`Resources/default.yaml`).
enum MocksEnvironment {
    static let environment = PostmanEnvironment(name: "provider-mock (local)", values: [
        ("nodeApiUrl", "http://127.0.0.1:\(DefaultPort.nodeAPI)"), ("username", "admin"), ("password", "123456"),
        ("iysUrl", "http://127.0.0.1:\(DefaultPort.iys)"), ("iysUsername", "admin"), ("iysPassword", "123456"), ("brandCode", "5565656556"),
        ("euromsgUrl", "http://127.0.0.1:\(DefaultPort.euromsg)"), ("expressClient", "admin"), ("expressPassword", "123456"),
        ("expressApiKey", "EXP-DEMO-7F3A9C21"),
    ])
}
