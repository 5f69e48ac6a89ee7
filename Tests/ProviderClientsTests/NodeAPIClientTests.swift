import Foundation
import Hummingbird
import MockProviders
import MockSimulations
import NodeAPI
import ProviderClients
import Testing
import WireCoding

/// The Node API client against the mock over real HTTP, on both transports: the same typed results, and
/// each error mapped to the catalogue whether it came with its status or as HTTP 200.
@Suite struct NodeAPIClientTests {
    static func client(_ endpoint: LiveMocks.Endpoint, _ transport: WireFormat, timeout: Duration = .seconds(10)) -> NodeAPIClient {
        NodeAPIClient(.init(baseURL: endpoint.baseURL, username: endpoint.username, password: endpoint.password, transport: transport), http: ProviderHTTP(timeout: timeout))
    }

    static let message = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "Sözleşme", content: "Merhaba ğüşıöç İ")

    @Test(arguments: [WireFormat.json, .soap])
    func theHappyPathGivesTheSameTypedResults(_ transport: WireFormat) async throws {
        try await LiveMocks.nodeAPI { endpoint in
            let client = Self.client(endpoint, transport)
            let before = try await client.send(UserCreditRequest()).credit
            let created = try await client.send(Self.message)
            let page = try await client.send(ListSmsRequest(ids: [created.pkgID]))
            #expect(page.list.map(\.id) == [created.pkgID])
            #expect(try await client.send(UserCreditRequest()).credit == before - 1)
            let senders = try await client.send(ListSendersRequest())
            #expect(senders.list.contains { $0.title == "BASLIK" })
            // An operation SOAP does not offer goes over JSON.
            _ = try await client.send(SmsSummaryRequest())
        }
    }

    @Test(arguments: [WireFormat.json, .soap], [false, true])
    func providerErrorsCarryTheirCatalogueEntry(_ transport: WireFormat, errorsAsHTTP200: Bool) async throws {
        var scenario = try Scenario.bundled().nodeAPI
        scenario.accounts[0].credit = 0
        try await LiveMocks.nodeAPI(scenario, policy: NodeAPIWirePolicy(errorsAsHTTP200: errorsAsHTTP200), mockOnly: true) { endpoint in
            let error = await #expect(throws: NodeAPIClientError.self) { try await Self.client(endpoint, transport).send(Self.message) }
            #expect(error?.catalogueEntry?.name == "ERR_USER_CREDIT_REQUIRED")
            #expect(error?.catalogueEntry?.status == 417)
            #expect(error?.meansUnavailable == false)
            var wrong = endpoint
            wrong.password = "yanlış"
            let refused = await #expect(throws: NodeAPIClientError.self) { try await Self.client(wrong, transport).send(UserCreditRequest()) }
            #expect(refused?.catalogueEntry?.name == "ERR_UNAUTHORIZED_REQUEST")
        }
    }

    @Test func aBrokenFieldRuleFailsBeforeSending() async throws {
        let client = NodeAPIClient(.init(baseURL: "http://127.0.0.1:9", username: "a", password: "b"))
        let bad = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "", content: "x")
        let error = await #expect(throws: NodeAPIClientError.self) { try await client.send(bad) }
        guard case .provider(let problem)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(problem.message.contains("title"))
    }

    @Test(arguments: [WireFormat.json, .soap])
    func maintenanceAndAClosedPortMeanUnavailable(_ transport: WireFormat) async throws {
        try await LiveMocks.nodeAPI(injection: ErrorInjection(maintenance: true), mockOnly: true) { endpoint in
            let error = await #expect(throws: NodeAPIClientError.self) { try await Self.client(endpoint, transport).send(UserCreditRequest()) }
            #expect(error?.catalogueEntry?.number == "SMS99")
            #expect(error?.meansUnavailable == true)
        }
        let closed = LiveMocks.Endpoint(baseURL: "http://127.0.0.1:\(try Self.closedPort())", username: "admin", password: "123456")
        let error = await #expect(throws: NodeAPIClientError.self) { try await Self.client(closed, transport).send(UserCreditRequest()) }
        guard case .transport(let problem)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(problem.kind == .connection, "\(problem)")
        #expect(error?.meansUnavailable == true)
    }

    @Test func aSilentServerTimesOut() async throws {
        let router = Router()
        router.post("/user/credit") { _, _ -> Response in
            try await Task.sleep(for: .seconds(1))
            return Response(status: .ok)
        }
        try await LiveMocks.live(router) { port in
            let endpoint = LiveMocks.Endpoint(baseURL: "http://127.0.0.1:\(port)", username: "admin", password: "123456")
            let error = await #expect(throws: NodeAPIClientError.self) { try await Self.client(endpoint, .json, timeout: .milliseconds(300)).send(UserCreditRequest()) }
            guard case .transport(let problem)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(problem.kind == .timeout)
            #expect(error?.meansUnavailable == true)
        }
    }

    /// A loopback port where nothing listens. The socket stays bound, never listening, for the rest of the test run:
    /// closed at once, the port went back to the system, and a mock another test started on port 0 could get it, so
    /// that "nothing listens here" reached that mock now and then.
    static func closedPort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
