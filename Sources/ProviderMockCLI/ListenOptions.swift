import ArgumentParser
import MockAdmin

/// Where `serve` listens: the address, the four ports and the Node API's TLS port. `health` takes the same options (and the same
/// `PROVIDER_MOCK_*` variables), so a health check given the server's environment asks the ports it listens on.
struct ListenOptions: ParsableArguments {
    @Option(name: .long, help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port of the Node API mock (JSON and SOAP).")
    var nodeApiPort = DefaultPort.nodeAPI

    @Option(name: .long, help: "Port of the MySoft İYS mock.")
    var iysPort = DefaultPort.iys

    @Option(name: .long, help: "Port of the Euromsg Express CRM/ERP gateway mock.")
    var euromsgPort = DefaultPort.euromsg

    @Option(name: .long, help: "Port of the admin API (/__admin/…: the clock, the journal of requests).")
    var adminPort = DefaultPort.admin

    @Option(name: .long, help: "Port of the Node API mock over TLS (https; --no-tls turns it off).")
    var nodeApiTlsPort = DefaultPort.nodeAPITLS

    @Flag(inversion: .prefixedNo, help: "Serve the Node API over TLS on --node-api-tls-port too, with --tls-cert/--tls-key or a local CA the server makes.")
    var tls = true

    /// One of the four servers: what it is, its port, the option that sets the port and a route that answers when it is up.
    struct Server {
        var name: String
        var port: Int
        var option: String
        var healthPath: String
        var scheme = "http"
    }

    /// The servers `serve` runs: the four, and the Node API over TLS unless `--no-tls`.
    var servers: [Server] {
        [Server(name: "the Node API mock", port: nodeApiPort, option: "node-api-port", healthPath: "/mock/health"),
         Server(name: "the MySoft İYS mock", port: iysPort, option: "iys-port", healthPath: "/mock/health"),
         Server(name: "the Euromsg Express mock", port: euromsgPort, option: "euromsg-port", healthPath: "/health-check"),
         Server(name: "the admin API", port: adminPort, option: "admin-port", healthPath: AdminOperation.getClock.path)]
            + (tls ? [Server(name: "the Node API mock over TLS", port: nodeApiTlsPort, option: "node-api-tls-port", healthPath: "/mock/health", scheme: "https")] : [])
    }
}
