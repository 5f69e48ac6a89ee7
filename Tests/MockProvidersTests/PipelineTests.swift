import EuromsgExpress
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import MockAdmin
import MockFixtures
@_spi(MockInternals) @testable import MockProviders
@_spi(MockInternals) @testable import MockSimulations
import MySoftIYS
import NodeAPI
import Testing

/// Issue 26: one pipeline for the three mocks. ``ExchangeMiddleware`` reads the body once, answers whatever a layer
/// below throws in the provider's shape, lets the shape have the last word, and journals the exchange, the only
/// place a call is journaled. Tested with a toy provider, as Hummingbird tests its middleware.
@Suite struct PipelineTests {
    /// A provider whose errors are `{"failed": "<what>"}` with 418, whose caller `quiet` gets every failure as 200, and
    /// which warns about every body.
    struct ToyShape: ProviderShape {
        var provider: ProviderMocks.Provider { .euromsg }

        func reply(to error: any Error, request: Request, context: MockRequestContext) -> WireResponse {
            .json(.init(code: 418), Array(#"{"failed":"\#(error is BodyReader.Failure ? "body" : "call")"}"#.utf8))
        }

        func reply(toFault code: String, detail: String, request: Request, context: MockRequestContext) -> WireResponse {
            .json(.init(code: 418), Array(#"{"failed":"\#(code)"}"#.utf8))
        }

        func warnings(about body: [UInt8]) -> [String] { ["read \(body.count) bytes"] }

        func settle(_ response: inout Response, context: MockRequestContext) {
            if context.caller == "quiet" { response.status = .ok }
        }
    }

    struct Refused: Error {}

    /// The toy's parts: a journal, faults, a clock and a body limit of 8 bytes.
    struct ToyRoutes: ProviderRoutes {
        var journal: RequestJournal
        var faults: FaultBook
        var clock: any MockClock = ManualClock()
        var maxBodyBytes = 8

        static func of(_ world: ProviderMocks) -> Self { ToyRoutes(journal: world.journal(of: .euromsg), faults: world.faults) }
    }

    /// A router whose calls go through the pipeline: the caller is the `X-Caller` header, then the faults.
    static func router(_ journal: RequestJournal, faults: FaultBook = FaultBook()) -> Router<MockRequestContext> {
        let router = Router(context: MockRequestContext.self)
        let routes = ToyRoutes(journal: journal, faults: faults)
        let calls = router.group()
            .add(middleware: ExchangeMiddleware(routes: routes, shape: ToyShape()))
            .add(middleware: CallerMiddleware())
            .add(middleware: FaultMiddleware(routes: routes, shape: ToyShape()))
        calls.post("/echo") { _, context in WireResponse.json(.created, context.body) }
        calls.post("/refuse") { _, _ -> WireResponse in throw Refused() }
        calls.post("/plain") { _, _ in Response(status: .accepted) }
        return router
    }

    struct CallerMiddleware: RouterMiddleware {
        func handle(_ request: Request, context: MockRequestContext, next: (Request, MockRequestContext) async throws -> Response) async throws -> Response {
            context.caller = request.headers[HTTPField.Name("X-Caller")!]
            return try await next(request, context)
        }
    }

    @Test func aReplyAndAThrownErrorAreEachJournaledOnceWithTheirCallerBodiesAndWarnings() async throws {
        let journal = RequestJournal()
        try await Application(router: Self.router(journal)).test(.router) { client in
            let caller: HTTPFields = [HTTPField.Name("X-Caller")!: "ayşe"]
            let echoed = try await client.execute(uri: "/echo", method: .post, headers: caller, body: ByteBuffer(string: "{\"a\":1}"))
            #expect(echoed.status == .created)
            #expect(String(buffer: echoed.body) == "{\"a\":1}")
            #expect(echoed.headers[values: .mockWarning] == ["read 7 bytes"])
            let refused = try await client.execute(uri: "/refuse", method: .post, headers: caller, body: ByteBuffer(string: "x"))
            #expect(refused.status.code == 418)
            #expect(String(buffer: refused.body) == #"{"failed":"call"}"#)
            let tooLarge = try await client.execute(uri: "/echo", method: .post, headers: caller, body: ByteBuffer(string: "123456789"))
            #expect(String(buffer: tooLarge.body) == #"{"failed":"body"}"#)
            let plain = try await client.execute(uri: "/plain", method: .post, headers: caller, body: ByteBuffer())
            #expect(plain.status == .accepted)
        }
        let entries = journal.entries()
        #expect(entries.map(\.path) == ["/echo", "/refuse", "/echo", "/plain"])
        #expect(entries.map(\.status) == [201, 418, 418, 202])
        // The body too large was never read, so no layer below saw who called.
        #expect(entries.map(\.user) == ["ayşe", "ayşe", nil, "ayşe"])
        #expect(entries.map { String(decoding: $0.responseBody, as: UTF8.self) } == ["{\"a\":1}", #"{"failed":"call"}"#, #"{"failed":"body"}"#, ""])
        #expect(entries.map(\.contentType) == ["application/json; charset=utf-8", "application/json; charset=utf-8", "application/json; charset=utf-8", nil])
        #expect(entries.map(\.warnings) == [["read 7 bytes"], ["read 1 bytes"], ["read 0 bytes"], ["read 0 bytes"]])
    }

    @Test func theShapeHasTheLastWordOnEveryReplyAFaultsToo() async throws {
        let journal = RequestJournal()
        let faults = FaultBook()
        _ = try faults.add(Fault.Request(provider: .euromsg, path: "/echo", error: "NOT_FOUND", times: 1))
        try await Application(router: Self.router(journal, faults: faults)).test(.router) { client in
            let quiet: HTTPFields = [HTTPField.Name("X-Caller")!: "quiet"]
            let faulted = try await client.execute(uri: "/echo", method: .post, headers: quiet, body: ByteBuffer(string: "x"))
            #expect(faulted.status == .ok)
            #expect(String(buffer: faulted.body) == #"{"failed":"NOT_FOUND"}"#)
            let refused = try await client.execute(uri: "/refuse", method: .post, headers: quiet, body: ByteBuffer(string: "x"))
            #expect(refused.status == .ok)
        }
        #expect(journal.entries().map(\.status) == [200, 200])
    }

    /// An İYS account in the `http200` dialect gets a fault's catalogue error with 200 as well, as every other failure
    /// (a fault's reply used to skip the dialect).
    @Test func anIYSFaultFollowsTheAccountsHTTP200Dialect() async throws {
        var loud = ScenarioFixtures.iysAdmin
        loud.failuresAsHTTP200 = true
        let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)
        let faults = FaultBook()
        _ = try faults.add(Fault.Request(provider: .iys, path: "/api/IYSConsent/IYSBrands", error: "HM404"))
        let router = Router(context: MockRequestContext.self)
        IYSRoutes(simulation: IYSSimulation(accounts: [loud], clock: clock), faults: faults, clock: clock).register(on: router)
        try await Application(router: router).test(.router) { client in
            let token = try await IYSRoutesTests.token(client)
            let brands = try await client.execute(uri: "/api/IYSConsent/IYSBrands", method: .get, headers: IYSRoutesTests.bearer(token))
            #expect(brands.status == .ok)
            let result = try IYSRoutesTests.result(Bool.self, brands)
            #expect(result.succeed == false)
            #expect(result.errorCode == .HM404)
        }
    }

    /// A fault for one user matches the token requests that claim that login, before anyone is checked: İYS's username,
    /// and now Euromsg's client name too (its `/tokens` had no user to match before the pipeline read the claim once).
    @Test func aFaultForOneUserMatchesTheTokenRequestsThatClaimThatLogin() async throws {
        let clock = ManualClock(turkey: WireDate("2026-11-23 10:00")!)
        let faults = FaultBook()
        _ = try faults.add(Fault.Request(provider: .euromsg, path: "/tokens", user: "admin", error: "SERVICE_UNAVAILABLE"))
        let router = Router(context: MockRequestContext.self)
        ExpressRoutes(simulation: ExpressSimulation(scenario: try Scenario.bundled().euromsg, clock: clock), faults: faults, clock: clock).register(on: router)
        try await Application(router: router).test(.router) { client in
            let admin = try await client.execute(uri: "/tokens", method: .post, body: ByteBuffer(string: #"{"clientName": "admin", "password": "123456"}"#))
            #expect(admin.status == .serviceUnavailable)
            #expect(String(buffer: admin.body).contains("fault f-1"))
            let other = try await client.execute(uri: "/tokens", method: .post, body: ByteBuffer(string: #"{"clientName": "başkası", "password": "x"}"#))
            #expect(other.status == .unauthorized)
        }
        #expect(faults.list().first?.fired == 1)
    }

    /// A world's own login in a SOAP envelope lands in its world whatever way the body comes: read by the pipeline with
    /// the call, not peeked at beforehand (which looked only into bodies that declared their length).
    @Test func aWorldsLoginInAChunkedSOAPBodyLandsInItsWorld() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        let worlds = MockWorlds(serving: mocks, maxWorlds: 4)
        let ports = mocks.ports(worlds: worlds, adminToken: nil, requestLog: nil, hostNames: [], certificateAuthorityPEM: nil)
        let world = try await worlds.create(AdminModels.CreateWorld())
        let login = try #require(world.logins.nodeAPI.first)
        let envelope = NodeAPIRoutesTests.soapOpen + "<sms:getUserCredit><username>\(login.username)</username><password>\(login.password)</password></sms:getUserCredit>" + NodeAPIRoutesTests.soapClose
        // Over a socket, as a client streams it: no Content-Length, the body in chunks (the test client would add one).
        let app = Application(responder: ports.nodeAPI, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            let bytes = Array(envelope.utf8)
            let half = bytes.count / 2
            connection.write("POST /soap HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n")
            for chunk in [bytes[..<half], bytes[half...]] {
                connection.write(String(chunk.count, radix: 16) + "\r\n" + String(decoding: chunk, as: UTF8.self) + "\r\n")
            }
            connection.write("0\r\n\r\n")
            let reply = try #require(await connection.read(within: 10) { $0.contains("Envelope>") })
            #expect(reply.hasPrefix("HTTP/1.1 200"))
            #expect(!reply.contains("<err>"), "\(reply)")
        }
        #expect(world.mocks.journal(of: .nodeAPI).entries().map(\.user) == [login.account])
        #expect(mocks.journal(of: .nodeAPI).entries().isEmpty)
    }
}
