import ArgumentParser
import Hummingbird
import MockProviders

/// `provider-mock serve`: the mock providers on their default ports, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the mock providers (the Node API's JSON endpoints and SOAP service).",
        discussion: """
            The Node API answers on --node-api-port: its JSON endpoints with Basic auth, POST /soap, and the WSDL at \
            GET /soap?wsdl. The account is the document's sample, admin / 123456. --iys-port, --euromsg-port and \
            --admin-port are reserved for the mocks still to come and are not bound yet.
            """
    )

    @Option(name: .long, help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port of the Node API mock (JSON and SOAP).")
    var nodeApiPort = 9587

    @Option(name: .long, help: "Port of the MySoft İYS mock (reserved).")
    var iysPort = 9590

    @Option(name: .long, help: "Port of the Euromsg Express mock (reserved).")
    var euromsgPort = 9591

    @Option(name: .long, help: "Port of the admin API (reserved).")
    var adminPort = 9580

    @Flag(name: .long, help: "Answer every error with HTTP 200, as some resellers do.")
    var errorsAsHttp200 = false

    func run() async throws {
        let simulation = NodeAPISimulation(accounts: [.documentSample], clock: SystemClock())
        let router = Router()
        NodeAPIRoutes(simulation: simulation, policy: ErrorStatusPolicy(errorsAsHTTP200: errorsAsHttp200)).register(on: router)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: nodeApiPort), serverName: "provider-mock")
        )
        print("Node API mock on http://\(host):\(nodeApiPort) (WSDL at /soap?wsdl); account admin / 123456")
        try await app.runService()
    }
}
