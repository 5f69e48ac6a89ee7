import ArgumentParser
import Foundation
import Hummingbird
import MockProviders

/// `provider-mock serve`: the mock providers on their default ports, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the mock providers: the Node API (JSON and SOAP), MySoft İYS and Euromsg Express.",
        discussion: """
            The Node API answers on --node-api-port: its JSON endpoints with Basic auth, POST /soap, and the WSDL at \
            GET /soap?wsdl. Accounts and rules come from the scenario: mocks/default.yaml (bundled) unless --scenario \
            names another; a scenario with an unknown key or a wrong type stops the server with the line to fix. \
            MySoft İYS answers on --iys-port (OAuth token, then /api/IYSConsent/* with the bearer token); its consents \
            gate the Node API's commercial packages. Euromsg Express answers on --euromsg-port (POST /tokens, PUT \
            /apiKey/identification, then lists, members, campaigns and reports). --admin-port is reserved and not bound yet.
            """
    )

    @Option(name: .long, help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port of the Node API mock (JSON and SOAP).")
    var nodeApiPort = 9587

    @Option(name: .long, help: "Port of the MySoft İYS mock.")
    var iysPort = 9590

    @Option(name: .long, help: "Port of the Euromsg Express CRM/ERP gateway mock.")
    var euromsgPort = 9591

    @Option(name: .long, help: "Port of the admin API (reserved).")
    var adminPort = 9580

    @Option(name: .long, help: "Scenario file (YAML); the bundled mocks/default.yaml when absent.")
    var scenario: String?

    @Flag(name: .long, help: "Answer every error with HTTP 200, as some resellers do (also a scenario option).")
    var errorsAsHttp200 = false

    func run() async throws {
        let loaded: Scenario
        do {
            loaded = try scenario.map { path throws(ScenarioError) in try Scenario.load(path: path) } ?? Scenario.bundled()
        } catch let error as ScenarioError {
            FileHandle.standardError.write(Data("provider-mock serve: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        let nodeAPI = loaded.nodeAPI
        let clock = SystemClock()
        let mocks = ProviderMocks(scenario: loaded, clock: clock, errorsAsHTTP200: errorsAsHttp200)
        let iysApp = Application(
            router: mocks.iysRouter(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: iysPort), serverName: "provider-mock-iys")
        )
        let expressApp = Application(
            router: mocks.euromsgRouter(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: euromsgPort), serverName: "provider-mock-euromsg")
        )
        let app = Application(
            router: mocks.nodeAPIRouter(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: nodeApiPort), serverName: "provider-mock"),
            services: [iysApp, expressApp] + mocks.services
        )
        let users = nodeAPI.accounts.map(\.username).joined(separator: ", ")
        print("Node API mock on http://\(host):\(nodeApiPort) (WSDL at /soap?wsdl); accounts: \(users)")
        let iysUsers = loaded.iys.accounts.map(\.username).joined(separator: ", ")
        print("MySoft İYS mock on http://\(host):\(iysPort) (POST /oauth/token, /api/IYSConsent/*); accounts: \(iysUsers)")
        let clients = loaded.euromsg.integrators.map(\.clientName).joined(separator: ", ")
        let keys = loaded.euromsg.endUsers.map(\.apiKey).joined(separator: ", ")
        print("Euromsg Express mock on http://\(host):\(euromsgPort) (POST /tokens, PUT /apiKey/identification); integrators: \(clients); API keys: \(keys)")
        try await app.runService()
    }
}
