import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import MockAdmin
@testable import MockProviders
import NodeAPI
import Testing

/// Issue 14: `GET /__admin/openapi.json` describes every admin route, no more, and the replies the admin API gives
/// match its schemas (``OpenAPISchemaCheck``).
@Suite struct AdminOpenAPITests {
    static func document(_ admin: some TestClientProtocol) async throws -> [String: Any] {
        let response = try await admin.execute(uri: "/__admin/openapi.json", method: .get)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func theDocumentDescribesEveryRouteAndNoOther() async throws {
        let mocks = try AdminInboxTests.mocks()
        let router = mocks.adminRouter(token: nil, heartbeat: .seconds(15), worlds: MockWorlds(serving: mocks))
        let registered = Set(router.routes.map { route in
            let path = route.path.description.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return "\(route.method.rawValue) \(path.isEmpty ? "/" : path)"
        })
        // Issue 27: the routes are the table's.
        #expect(registered == Set(AdminOperation.allCases.map { "\($0.method.rawValue) \($0.path)" }))
        try await Application(router: router).test(.router) { admin in
            let document = try await Self.document(admin)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            #expect(registered.subtracting(described).isEmpty, "routes the document leaves out: \(registered.subtracting(described).sorted())")
            #expect(described.subtracting(registered).isEmpty, "described routes that do not exist: \(described.subtracting(registered).sorted())")
        }
    }

    /// Real replies of the admin API, each checked against the schema the document gives its status.
    @Test func repliesMatchTheirSchemas() async throws {
        let mocks = try AdminInboxTests.mocks()
        var sms = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Kod 123456")
        sms.pushSettings = PushSettings(url: "http://127.0.0.1:1/x")
        _ = try mocks.nodeAPI.respond(to: sms, as: "admin")
        let worlds = MockWorlds(serving: mocks)
        let world = try await worlds.create(AdminModels.CreateWorld(name: "openapi"))
        try await Application(router: mocks.adminRouter(token: nil, heartbeat: .seconds(15), worlds: worlds)).test(.router) { admin in
            let document = try await Self.document(admin)
            let calls: [(HTTPRequest.Method, String, String, String?, HTTPFields)] = [
                (.get, "/__admin/clock", "/__admin/clock", nil, [:]),
                (.post, "/__admin/clock/advance", "/__admin/clock/advance", #"{"seconds": 1}"#, [:]),
                (.post, "/__admin/clock", "/__admin/clock", #"{"now": "2020-01-01T00:00:00Z"}"#, [:]),
                (.get, "/__admin/sms?to=905551230011", "/__admin/sms", nil, [:]),
                (.get, "/__admin/sms/wait?after=0&timeout=0", "/__admin/sms/wait", nil, [:]),
                (.get, "/__admin/sms?to=1", "/__admin/sms", nil, [:]),
                (.get, "/__admin/requests", "/__admin/requests", nil, [:]),
                (.post, "/__admin/faults", "/__admin/faults", #"{"provider": "node-api", "path": "/sms/create", "fault": "reset", "times": 1}"#, [:]),
                (.get, "/__admin/faults", "/__admin/faults", nil, [:]),
                (.post, "/__admin/faults", "/__admin/faults", #"{"provider": "node-api"}"#, [:]),
                (.post, "/__admin/mo", "/__admin/mo", #"{"from": "905551230011", "text": "RET BASLIK"}"#, [:]),
                (.get, "/__admin/callbacks", "/__admin/callbacks", nil, [:]),
                (.post, "/__admin/node-api/credit", "/__admin/node-api/credit", #"{"user": "admin", "add": 1}"#, [:]),
                (.put, "/__admin/node-api/senders", "/__admin/node-api/senders", #"{"user": "admin", "title": "BASLIK", "state": "approved"}"#, [:]),
                (.get, "/__admin/iys/consents", "/__admin/iys/consents", nil, [:]),
                (.get, "/__admin/euromsg/campaigns", "/__admin/euromsg/campaigns", nil, [:]),
                (.post, "/__admin/reset?provider=iys", "/__admin/reset", nil, [:]),
                (.get, "/__admin/scenario", "/__admin/scenario", nil, [:]),
                // Issue 26: the worlds.
                (.post, "/__admin/worlds", "/__admin/worlds", #"{"clock": "manual", "ttlSeconds": 60}"#, [:]),
                (.post, "/__admin/worlds", "/__admin/worlds", #"{"ttl": 60}"#, [:]),
                (.get, "/__admin/worlds", "/__admin/worlds", nil, [:]),
                (.get, "/__admin/worlds/\(world.id)", "/__admin/worlds/{id}", nil, [:]),
                (.delete, "/__admin/worlds/\(world.id)", "/__admin/worlds/{id}", nil, [:]),
                (.get, "/__admin/worlds/\(world.id)", "/__admin/worlds/{id}", nil, [:]),
                // Issue 23: a write from another site, and a body declared as text, are described too.
                (.post, "/__admin/reset", "/__admin/reset", nil, [.origin: "https://evil.example"]),
                (.post, "/__admin/node-api/credit", "/__admin/node-api/credit", #"{"user": "admin", "add": 1}"#, [.contentType: "text/plain"]),
            ]
            for (method, uri, path, body, headers) in calls {
                let response = try await admin.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
                let check = OpenAPISchemaCheck(document: document)
                let schema = try #require(check.replySchema(path: path, method: method.rawValue, status: Int(response.status.code)), "\(method) \(uri) answered \(response.status.code), which the document does not give")
                guard let schema else { continue }
                let value = try JSONSerialization.jsonObject(with: Data(buffer: response.body), options: .fragmentsAllowed)
                let problems = check.problems(value, against: schema, at: "\(method) \(uri)")
                #expect(problems.isEmpty, "\(problems)")
            }
        }
    }
}
