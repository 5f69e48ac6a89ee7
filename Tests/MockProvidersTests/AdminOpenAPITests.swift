import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MockProviders
import NodeAPI
import Testing

/// Issue 14: `GET /__admin/openapi.json` describes every admin route, no more, and the replies the admin API gives
/// match its schemas (a small JSON Schema check: types, required keys, enums, items, references).
@Suite struct AdminOpenAPITests {
    static func document(_ admin: some TestClientProtocol) async throws -> [String: Any] {
        let response = try await admin.execute(uri: "/__admin/openapi.json", method: .get)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func theDocumentDescribesEveryRouteAndNoOther() async throws {
        let mocks = try AdminInboxTests.mocks()
        let router = mocks.adminRouter()
        let registered = Set(router.routes.map { route in
            let path = route.path.description.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return "\(route.method.rawValue) \(path.isEmpty ? "/" : path)"
        })
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
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let document = try await Self.document(admin)
            let calls: [(HTTPRequest.Method, String, String, String?)] = [
                (.get, "/__admin/clock", "/__admin/clock", nil),
                (.post, "/__admin/clock/advance", "/__admin/clock/advance", #"{"seconds": 1}"#),
                (.post, "/__admin/clock", "/__admin/clock", #"{"now": "2020-01-01T00:00:00Z"}"#),
                (.get, "/__admin/sms?to=905551230011", "/__admin/sms", nil),
                (.get, "/__admin/sms/wait?after=0&timeout=0", "/__admin/sms/wait", nil),
                (.get, "/__admin/sms?to=1", "/__admin/sms", nil),
                (.get, "/__admin/requests", "/__admin/requests", nil),
                (.post, "/__admin/faults", "/__admin/faults", #"{"provider": "node-api", "path": "/sms/create", "fault": "reset", "times": 1}"#),
                (.get, "/__admin/faults", "/__admin/faults", nil),
                (.post, "/__admin/faults", "/__admin/faults", #"{"provider": "node-api"}"#),
                (.post, "/__admin/mo", "/__admin/mo", #"{"from": "905551230011", "text": "RET BASLIK"}"#),
                (.get, "/__admin/callbacks", "/__admin/callbacks", nil),
                (.post, "/__admin/node-api/credit", "/__admin/node-api/credit", #"{"user": "admin", "add": 1}"#),
                (.put, "/__admin/node-api/senders", "/__admin/node-api/senders", #"{"user": "admin", "title": "BASLIK", "state": "approved"}"#),
                (.get, "/__admin/iys/consents", "/__admin/iys/consents", nil),
                (.get, "/__admin/euromsg/campaigns", "/__admin/euromsg/campaigns", nil),
                (.post, "/__admin/reset?provider=iys", "/__admin/reset", nil),
                (.get, "/__admin/scenario", "/__admin/scenario", nil),
            ]
            for (method, uri, path, body) in calls {
                let response = try await admin.execute(uri: uri, method: method, body: body.map { ByteBuffer(string: $0) })
                let schema = try #require(Self.schema(in: document, path: path, method: method, status: Int(response.status.code)), "\(method) \(uri) answered \(response.status.code), which the document does not give")
                guard let schema else { continue }
                let value = try JSONSerialization.jsonObject(with: Data(buffer: response.body), options: .fragmentsAllowed)
                let problems = Self.check(value, against: schema, in: document, at: "\(method) \(uri)")
                #expect(problems.isEmpty, "\(problems)")
            }
        }
    }

    /// The JSON schema of a reply (nil inside when the reply is not JSON); nil when the document has no such status.
    static func schema(in document: [String: Any], path: String, method: HTTPRequest.Method, status: Int) -> [String: Any]?? {
        guard let operations = (document["paths"] as? [String: Any])?[path] as? [String: Any],
              let operation = operations[method.rawValue.lowercased()] as? [String: Any],
              let response = (operation["responses"] as? [String: Any])?[String(status)] as? [String: Any] else { return nil }
        let json = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
        return .some(json)
    }

    /// What in `value` breaks `schema`: one line each, with where.
    static func check(_ value: Any, against schema: [String: Any], in document: [String: Any], at location: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any] else {
                return ["\(location): no schema \(reference)"]
            }
            return check(value, against: target, in: document, at: location)
        }
        var problems: [String] = []
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if !types.isEmpty, !types.contains(where: { matches(value, type: $0) }) {
            return ["\(location): \(value) is not \(types.joined(separator: " or "))"]
        }
        if let choices = schema["enum"] as? [Any], !(value is NSNull), !choices.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(location): \(value) is not one of \(choices)")
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil { problems.append("\(location): \(key) is missing") }
            let properties = (schema["properties"] as? [String: [String: Any]]) ?? [:]
            for (key, item) in object {
                if let property = properties[key] {
                    problems += check(item, against: property, in: document, at: "\(location).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += check(item, against: additional, in: document, at: "\(location).\(key)")
                } else if !properties.isEmpty {
                    problems.append("\(location): \(key) is not in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += check(item, against: items, in: document, at: "\(location)[\(index)]") }
        }
        return problems
    }

    /// JSONSerialization's `true` and `false` are a boolean class of their own; its numbers are plain `NSNumber`s.
    static func isBoolean(_ value: Any) -> Bool { String(describing: Swift.type(of: value)).contains("Boolean") }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBoolean(value)
        case "integer": return !isBoolean(value) && (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": return !isBoolean(value) && value is NSNumber
        default: return false
        }
    }
}
