import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import MockAdmin
@testable import MockProviders
@testable import MockSimulations
import NodeAPI
import Testing

/// Issue 23, item 6: no web page drives the admin API (CSRF), and none reaches it by a name that rebinds to loopback;
/// scripts and the admin's own page go on working.
@Suite struct AdminOriginTests {
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!

    func withAdmin(hostNames: [String] = [], _ body: @Sendable (any TestClientProtocol, ProviderMocks) async throws -> Void) async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        try await Application(router: mocks.adminRouter(token: nil, hostNames: hostNames)).test(.live) { client in try await body(client, mocks) }
    }

    static func credit(_ mocks: ProviderMocks) throws -> Int { try mocks.nodeAPI.respond(to: UserCreditRequest(), as: "admin").credit }

    /// The three writes of the reproduction, as a page on another site sends them: each refused, nothing changed.
    @Test func crossSiteWritesAreRefused() async throws {
        try await withAdmin { admin, mocks in
            let before = try Self.credit(mocks)
            let evil: HTTPFields = [.origin: "http://evil.example", .contentType: "text/plain;charset=UTF-8", Self.fetchSite: "cross-site"]
            let credit = try await admin.execute(uri: "/__admin/node-api/credit", method: .post, headers: evil, body: ByteBuffer(string: #"{"user":"admin","credit":5}"#))
            #expect(credit.status == .forbidden)
            let fault = try await admin.execute(uri: "/__admin/faults", method: .post, headers: [.origin: "http://evil.example", .contentType: "text/plain"],
                                                body: ByteBuffer(string: #"{"provider":"node-api","operation":"*","error":"reset"}"#))
            #expect(fault.status == .forbidden)
            #expect(try JSONDecoder().decode(AdminModels.Failure.self, from: fault.body).field == "Origin")
            let reset = try await admin.execute(uri: "/__admin/reset", method: .post, headers: [.origin: "null"])
            #expect(reset.status == .forbidden)
            let sameSite = try await admin.execute(uri: "/__admin/reset", method: .post, headers: [Self.fetchSite: "same-site"])
            #expect(sameSite.status == .forbidden)
            #expect(try Self.credit(mocks) == before)
            #expect(mocks.faults.list().isEmpty)
        }
    }

    /// A form's or `text/plain` body is not JSON, whoever sends it: 415 naming the header; JSON and no type go through.
    @Test func aWritesBodyIsJSON() async throws {
        try await withAdmin { admin, mocks in
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"] {
                let reply = try await admin.execute(uri: "/__admin/node-api/credit", method: .post, headers: [.contentType: type],
                                                    body: ByteBuffer(string: #"{"user":"admin","credit":5}"#))
                #expect(reply.status == .unsupportedMediaType, "\(type)")
                #expect(try JSONDecoder().decode(AdminModels.Failure.self, from: reply.body).field == "Content-Type")
            }
            let json = try await admin.execute(uri: "/__admin/node-api/credit", method: .post, headers: [.contentType: "application/json; charset=utf-8"],
                                               body: ByteBuffer(string: #"{"user":"admin","credit":5}"#))
            #expect(json.status == .ok)
            let untyped = try await admin.execute(uri: "/__admin/node-api/credit", method: .post, body: ByteBuffer(string: #"{"user":"admin","credit":6}"#))
            #expect(untyped.status == .ok)
            #expect(try Self.credit(mocks) == 6)
            let yaml = try await admin.execute(uri: "/__admin/scenario", method: .put, headers: [.contentType: "application/yaml"],
                                               body: ByteBuffer(string: try Scenario.bundledSource()))
            #expect(yaml.status == .ok)
        }
    }

    /// The admin page's own writes (same origin, JSON) and a script's (no Origin) are taken.
    @Test func theAdminsOwnPageAndScriptsGoOnWorking() async throws {
        try await withAdmin { admin, _ in
            let port = try #require(admin.port)
            // As a browser sends it from the page at http://127.0.0.1:PORT/.
            let body = #"{"seconds": 10}"#
            let connection = try RawConnection(port: port)
            connection.write(
                "POST /__admin/clock/advance HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\nSec-Fetch-Site: same-origin\r\n"
                    + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
            )
            let advance = await connection.readUntilClosed(within: 10) ?? ""
            #expect(advance.hasPrefix("HTTP/1.1 200") || advance.hasPrefix("HTTP/1.1 409"), "\(advance)")
            let script = try await admin.execute(uri: "/__admin/reset", method: .post)
            #expect(script.status == .ok)
            let read = try await admin.execute(uri: "/__admin/requests", method: .get, headers: [Self.fetchSite: "same-origin"])
            #expect(read.status == .ok)
        }
    }

    /// DNS rebinding: a browser that reaches the API by a name it was not told of is refused, reads included; an
    /// address, localhost and an `--allowed-host` name are answered; a script is answered by any name.
    @Test func aBrowserByAnUnknownNameIsRefused() async throws {
        try await withAdmin(hostNames: ["mock.ci.internal"]) { admin, _ in
            let port = try #require(admin.port)
            func get(host: String, browser: Bool) async throws -> String {
                let connection = try RawConnection(port: port)
                connection.write("GET /__admin/requests HTTP/1.1\r\nHost: \(host):\(port)\r\n\(browser ? "Sec-Fetch-Site: same-origin\r\n" : "")Connection: close\r\n\r\n")
                return String((await connection.readUntilClosed(within: 10) ?? "").prefix(12))
            }
            #expect(try await get(host: "rebind.evil.example", browser: true) == "HTTP/1.1 403")
            #expect(try await get(host: "rebind.evil.example", browser: false) == "HTTP/1.1 200")
            for host in ["127.0.0.1", "localhost", "[::1]", "10.1.2.3", "mock.ci.internal", "MOCK.ci.internal"] {
                #expect(try await get(host: host, browser: true) == "HTTP/1.1 200", "\(host)")
            }
        }
        #expect(AdminOriginMiddleware<BasicRequestContext>.hostName(of: "127.0.0.1:9580") == nil)
        #expect(AdminOriginMiddleware<BasicRequestContext>.hostName(of: "127.0.0.1.evil:9580") == "127.0.0.1.evil")
    }
}
