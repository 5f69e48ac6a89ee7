import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
@_spi(MockInternals) import MockProviders
import MockRecording
import MockSimulations
import ServiceLifecycle
import WireCoding

extension SwitchableClock.Mode: ExpressibleByArgument {}

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
            /apiKey/identification, then lists, members, campaigns and reports). The admin API answers on --admin-port \
            (/__admin/clock, /__admin/clock/advance, /__admin/reset, /__admin/requests, /__admin/faults, /__admin/sms, /__admin/sms/wait, \
            /__admin/mo, /__admin/callbacks, /__admin/events; GET /__admin/openapi.json describes them); with --clock manual the mocks' time \
            stands still until POST /__admin/clock/advance moves it.
            """
    )

    @OptionGroup var listen: ListenOptions

    @Option(name: .customLong("allowed-host"), help: "A host name a browser may reach the admin API by (repeatable), besides localhost, --host and any address: the name of a shared mock's machine, say. Other names are refused to browsers (DNS rebinding); scripts reach it by any name.")
    var allowedHosts: [String] = []

    @Option(name: .long, help: "A token the admin API then requires (Authorization: Bearer TOKEN, or ?token=TOKEN for a browser).")
    var adminToken: String?

    @Option(name: .long, help: "The mocks' clock: system (the wall clock), or manual (stands still until POST /__admin/clock/advance moves it; it starts at the wall clock's time).")
    var clock: SwitchableClock.Mode = .system

    @Option(name: .long, help: "Scenario file (YAML); the bundled mocks/default.yaml when absent.")
    var scenario: String?

    @Option(name: .long, help: "State file: loaded at start when it exists (and checked: a bad one stops the server naming the field), written at start, every --state-interval after changes, and on shutdown (SIGINT, SIGTERM), so packages, credit, contacts, opt-outs and İYS consents survive a restart, or a crash less that interval.")
    var state: String?

    @Option(name: .long, help: "Seconds between writes of --state while the mocks change.")
    var stateInterval: Double = 5

    @Option(name: .long, help: "Seconds SIGTERM waits for requests under way before the servers stop anyway (the state is written first).")
    var shutdownTimeout: Double = 10

    @Option(name: .long, help: "A directory of recorded exchanges (provider-mock proxy --record DIR): a Node API request that matches one is answered with its recorded reply, before authentication; the rest go to the simulation.")
    var replay: String?

    @Flag(name: .customLong("errors-as-http-200"), help: "Answer every error with HTTP 200, as some resellers do (also a scenario option).")
    var errorsAsHttp200 = false

    @Flag(name: .long, help: "Refuse unknown Node API request fields with ERR_INVALID_PARAM; by default they are ignored, as the provider does, and reported in X-Mock-Warning (also the scenario option strictRequests).")
    var strict = false

    @Option(name: .long, help: "Seconds a connection may take to send a request's head, from connecting or from the previous reply.")
    var headerTimeout: Double = 10

    @Option(name: .long, help: "Seconds without a request part while a request is being read, before its connection is closed.")
    var idleTimeout: Double = 60

    @Option(name: .long, help: "Seconds from a request's head to the end of its body, however slowly it trickles in, before its connection is closed.")
    var bodyTimeout: Double = 60

    @Option(name: .long, help: "Connections each mock serves at once; beyond, a request is refused in the provider's shape.")
    var maxConnections = 4096

    @Option(name: .long, help: "Draw the mocks' tokens, uuids and GUIDs from this seed (an unsigned 64-bit integer): with a manual clock, the same requests then get the same bytes back. A world's own seed is set when it is created.")
    var seed: UInt64?

    @Option(name: .long, help: "Worlds kept at once (POST /__admin/worlds: one isolated set of mocks per CI job); beyond, creating one is refused (429).")
    var maxWorlds = 1000

    @Option(name: .long, help: "Certificate chain (PEM) of the Node API's TLS port; without it and --tls-key, a local CA kept beside --state issues one (its PEM at GET /__admin/ca.pem).")
    var tlsCert: String?

    @Option(name: .long, help: "Private key (PEM) of --tls-cert.")
    var tlsKey: String?

    @Option(name: .long, help: "How to write logs: text, or json (one object per line with time, level and message, and a line per request with its provider, method, path, status and durationMs).")
    var logFormat: LogFormat = .text

    enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, json
    }

    mutating func validate() throws {
        guard (0.1...3600).contains(headerTimeout) else { throw ValidationError("--header-timeout must be between 0.1 and 3600 seconds") }
        guard (0.1...86_400).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 0.1 and 86400 seconds") }
        guard (0.1...86_400).contains(bodyTimeout) else { throw ValidationError("--body-timeout must be between 0.1 and 86400 seconds") }
        guard (1...1_000_000).contains(maxConnections) else { throw ValidationError("--max-connections must be between 1 and 1000000") }
        guard (0...100_000).contains(maxWorlds) else { throw ValidationError("--max-worlds must be between 0 and 100000") }
        guard (0.1...86_400).contains(stateInterval) else { throw ValidationError("--state-interval must be between 0.1 and 86400 seconds") }
        guard (0.1...3600).contains(shutdownTimeout) else { throw ValidationError("--shutdown-timeout must be between 0.1 and 3600 seconds") }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if let adminToken, adminToken.isEmpty || adminToken.utf8.count > 512 || adminToken.contains(where: \.isWhitespace) {
            throw ValidationError("--admin-token must be 1 to 512 bytes without spaces")
        }
    }

    /// A line on standard output at once, also into a pipe (`docker logs`, a CI job's log), where `print` would hold it
    /// until a buffer fills; in the JSON log format, a log entry with the line as its message.
    static func say(_ line: String, format: LogFormat) {
        switch format {
        case .text: FileHandle.standardOutput.write(Data((line + "\n").utf8))
        case .json: Logger(label: "provider-mock").info("\(line)")
        }
    }

    func say(_ line: String) {
        Self.say(line, format: logFormat)
    }

    func run() async throws {
        if logFormat == .json { LoggingSystem.bootstrap(JSONLogHandler.init) }
        let loaded: Scenario
        do {
            loaded = try scenario.map { path throws(ScenarioError) in try Scenario.load(path: path) } ?? Scenario.bundled()
        } catch let error as ScenarioError {
            FileHandle.standardError.write(Data("provider-mock serve: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        let host = listen.host
        for server in listen.servers where !PortCheck.isFree(host: host, port: server.port) {
            let setting = ServeEnvironment.Option(name: server.option, isFlag: false, isRepeating: false)
            FileHandle.standardError.write(Data(
                "provider-mock serve: \(server.name) cannot listen on \(host):\(server.port): the address is already in use (--\(server.option), or \(setting.variable))\n".utf8
            ))
            throw ExitCode(1)
        }
        let nodeAPI = loaded.nodeAPI
        let clock = SwitchableClock(mode: self.clock)
        let source = if let scenario { try? String(contentsOfFile: scenario, encoding: .utf8) } else { try? Scenario.bundledSource() }
        var recordings: ReplayBook?
        if let replay {
            do {
                recordings = try ReplayBook.load(directory: replay)
            } catch {
                FileHandle.standardError.write(Data("provider-mock serve: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
            say("Replaying \(recordings?.count ?? 0) recorded exchanges from \(replay); other requests go to the simulation")
        }
        let mocks = ProviderMocks(
            scenario: loaded, clock: clock, errorsAsHTTP200: errorsAsHttp200, strictRequests: strict, source: source, replay: recordings, seed: seed
        )
        let worlds = MockWorlds(serving: mocks, maxWorlds: maxWorlds)
        var savedWorlds: [WorldSnapshot] = []
        if let state {
            do {
                if let snapshot = try MockSnapshot.load(path: state) {
                    mocks.restore(snapshot)
                    savedWorlds = snapshot.worlds ?? []
                    say("State loaded from \(state): \(snapshot.summary), taken at \(TurkeyTime.date(snapshot.savedAt).text)")
                }
            } catch {
                FileHandle.standardError.write(Data("provider-mock serve: \(error.description)\n".utf8))
                throw ExitCode(1)
            }
            // Written now, so that a path that cannot be written stops the server at start, not at SIGTERM (the worlds as
            // they were read: they come back once the servers are set up).
            var initial = mocks.snapshot()
            initial.worlds = savedWorlds
            try Self.write(initial, to: state)
        }
        let limits = ConnectionLimits(
            headerTimeout: .milliseconds(Int64(headerTimeout * 1000)), idleTimeout: .milliseconds(Int64(idleTimeout * 1000)),
            bodyTimeout: .milliseconds(Int64(bodyTimeout * 1000)), maxConnections: maxConnections
        )
        let descriptors = FileDescriptorLimit.raise()
        let users = nodeAPI.accounts.map(\.username).joined(separator: ", ")
        let iysUsers = loaded.iys.accounts.map(\.username).joined(separator: ", ")
        let clients = loaded.euromsg.integrators.map(\.clientName).joined(separator: ", ")
        let keys = loaded.euromsg.endUsers.map(\.apiKey).joined(separator: ", ")
        say("Node API accounts: \(users). MySoft İYS accounts: \(iysUsers). Euromsg Express integrators: \(clients); API keys: \(keys)")
        say("Connections: at most \(maxConnections) per mock, heads within \(headerTimeout) s, bodies within \(bodyTimeout) s, idle \(idleTimeout) s; file descriptors: \(descriptors)")
        // One line per mock once it listens, with the port it bound (port 0 picks a free one): scripts and tests wait for these.
        var ports = ProviderMocks.Ports(nodeAPI: listen.nodeApiPort, iys: listen.iysPort, euromsg: listen.euromsgPort, admin: listen.adminPort)
        let mode = self.clock
        let secured = adminToken == nil ? "" : "; bearer token required"
        let format = logFormat
        let requestLog = logFormat == .json ? Logger(label: "provider-mock.requests") : nil
        var tls: ServeTLS?
        if listen.tls {
            do {
                tls = try ServeTLS.make(certificate: tlsCert, key: tlsKey, state: state, hosts: [host] + allowedHosts)
            } catch {
                FileHandle.standardError.write(Data("provider-mock serve: the Node API's TLS port cannot be set up: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
        ports.nodeAPITLS = tls == nil ? nil : listen.nodeApiTlsPort
        let trust = tls?.certificateAuthority.map { "trust \($0.path), or GET /__admin/ca.pem" } ?? "the certificate of --tls-cert"
        let app = try mocks.application(
            host: host, ports: ports, limits: limits, adminToken: adminToken, allowedHosts: allowedHosts, requestLog: requestLog,
            tls: tls.map { tls in { base in try .tls(base, tlsConfiguration: tls.configuration) } }, certificateAuthorityPEM: tls?.certificateAuthority?.pem,
            worlds: worlds
        ) { provider, port in
            let line = switch provider {
            case .nodeAPI: "Node API mock listening on http://\(host):\(port) (JSON endpoints, POST /soap, WSDL at /soap?wsdl)"
            case .iys: "MySoft İYS mock listening on http://\(host):\(port) (POST /oauth/token, /api/IYSConsent/*)"
            case .euromsg: "Euromsg Express mock listening on http://\(host):\(port) (POST /tokens, PUT /apiKey/identification)"
            }
            Self.say(line, format: format)
        } onAdminListening: { port in
            Self.say("Admin API listening on http://\(host):\(port) (/__admin/…, described at /__admin/openapi.json; clock \(mode.rawValue)\(secured))", format: format)
        } onTLSListening: { port in
            Self.say("Node API mock over TLS listening on https://\(host):\(port) (\(trust))", format: format)
        }
        if let state {
            // The worlds come back once the servers they are reached through are set up.
            for line in await worlds.restore(savedWorlds) { say("State: \(line); left out") }
            try Self.write(worlds.snapshot(), to: state)
        }
        var services: [any Service] = [app]
        if let state {
            services.append(StateFileKeeper(worlds: worlds, path: state, interval: .milliseconds(Int64(stateInterval * 1000))) { result in
                if case .failure(let error) = result {
                    FileHandle.standardError.write(Data("provider-mock serve: --state \(state) could not be written: \(error)\n".utf8))
                }
            })
        }
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "provider-mock"))
        configuration.maximumGracefulShutdownDuration = .milliseconds(Int64(shutdownTimeout * 1000))
        configuration.maximumCancellationDuration = .seconds(2)
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch is CancellationError {
            // SIGINT or SIGTERM: the servers and services stopped as asked; a shutdown, not a failure.
        } catch let error as ServiceGroupError {
            // Requests still under way after --shutdown-timeout: the servers were cancelled; the state is written below.
            FileHandle.standardError.write(Data("provider-mock serve: \(error)\n".utf8))
        }
        if let state {
            let snapshot = worlds.snapshot()
            try snapshot.write(path: state)
            say("State written to \(state): \(snapshot.summary)")
        }
    }

    /// Writes the state file at start; a path that cannot be written stops the server.
    private static func write(_ snapshot: MockSnapshot, to state: String) throws {
        do {
            try snapshot.write(path: state)
        } catch {
            FileHandle.standardError.write(Data("provider-mock serve: --state \(state) cannot be written: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}
