import Foundation
import MySoftIYS
import ProviderClients

/// How a MySoft İYS reply is held against its document: the envelope `{succeed, data, message, errorCode}` and no other
/// key, `data` decoding into the model with no field the model does not write back, and an error's `errorCode` with the
/// HTTP status that goes with it (`HM400` 400, `HM404` 404, `HM422` 422; a missing token is 401 with no code).
enum IYSReplyRules {
    static let envelopeKeys: Set<String> = ["succeed", "data", "message", "errorCode"]

    static func success<Payload: Codable & Sendable & Hashable>(_ type: Payload.Type, _ reply: ProviderHTTP.Reply) -> [String] {
        guard let object = JSONShape.object(reply.body) else { return ["the body is not a JSON object (HTTP \(reply.status)): \(JSONShape.excerpt(reply.body))"] }
        var differences = envelopeDifferences(object)
        let decoded: IYSResult<Payload>
        do {
            decoded = try IYSJSON.decode(IYSResult<Payload>.self, from: reply.body)
        } catch {
            return differences + ["the reply does not decode into the model: \(error.message)"]
        }
        guard decoded.succeed, let data = decoded.data else {
            return differences + ["\(decoded.errorCode?.rawValue ?? "an error") (HTTP \(reply.status)) where the document has a success: \(decoded.message ?? "")"]
        }
        if reply.status != 200 { differences.append("a success with HTTP \(reply.status), not 200") }
        if let encoded = try? IYSJSON.encode(IYSResult<Payload>.success(data)), let written = JSONShape.object(encoded) {
            differences += JSONShape.unknownFields(object["data"], written["data"], at: "data")
        }
        return differences
    }

    /// The documented error: `code` (nil for the missing token's 401) and `status`.
    static func error(_ code: IYSErrorCode?, status: Int, _ reply: ProviderHTTP.Reply) -> [String] {
        guard let object = JSONShape.object(reply.body) else { return ["the body is not a JSON object (HTTP \(reply.status)): \(JSONShape.excerpt(reply.body))"] }
        var differences = envelopeDifferences(object)
        if object["succeed"] as? Bool != false { differences.append("succeed is not false where the document has \(code?.rawValue ?? "an error")") }
        let received = object["errorCode"] as? String
        if received != code?.rawValue { differences.append("errorCode \(received ?? "null") where the document has \(code?.rawValue ?? "null")") }
        if reply.status != status { differences.append("HTTP \(reply.status) where the document has \(status)") }
        return differences
    }

    static func envelopeDifferences(_ object: [String: Any]) -> [String] {
        var differences: [String] = []
        if object["succeed"] == nil { differences.append("the envelope lacks succeed: keys are \(object.keys.sorted())") }
        let unexpected = Set(object.keys).subtracting(envelopeKeys).sorted()
        if !unexpected.isEmpty { differences.append("the envelope has keys the document does not: \(unexpected.joined(separator: ", "))") }
        return differences
    }

    /// The OAuth token endpoint's reply: a token, or an OAuth error with HTTP 400.
    static func token(_ reply: ProviderHTTP.Reply, expectingError error: String? = nil) -> [String] {
        guard let object = JSONShape.object(reply.body) else { return ["the body is not a JSON object (HTTP \(reply.status)): \(JSONShape.excerpt(reply.body))"] }
        if let error {
            var differences: [String] = []
            if object["error"] as? String != error { differences.append("error \(object["error"].map { "\($0)" } ?? "missing") where OAuth 2 has \(error)") }
            if reply.status != 400 { differences.append("HTTP \(reply.status) where OAuth 2 has 400 for \(error)") }
            return differences
        }
        guard let token = try? IYSJSON.decode(OAuthToken.self, from: reply.body) else {
            return ["not an OAuth token (HTTP \(reply.status)): \(JSONShape.excerpt(reply.body))"]
        }
        var differences = reply.status == 200 ? [] : ["a token with HTTP \(reply.status), not 200"]
        if let written = (try? IYSJSON.encode(token)).flatMap(JSONShape.object) { differences += JSONShape.unknownFields(object, written, at: "token") }
        return differences
    }
}
