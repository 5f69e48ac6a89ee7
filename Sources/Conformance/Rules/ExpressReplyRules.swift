import EuromsgExpress
import Foundation
import ProviderClients

/// How a Euromsg Express reply is held against its document: the body decoding into the model with no field the model
/// does not write back and the status the call documents (200, or 201 for what it creates), or an error
/// `{errorCode, message, field?}` of the catalogue with its HTTP status.
enum ExpressReplyRules {
    static func success<Payload: Codable & Sendable & Hashable>(_ type: Payload.Type, status expected: Int = 200, _ reply: ProviderHTTP.Reply) -> [String] {
        let decoded: Payload
        do {
            decoded = try ExpressJSON.decode(Payload.self, from: reply.body)
        } catch {
            if let failure = try? ExpressJSON.decode(ExpressError.self, from: reply.body) {
                return ["\(failure.errorCode.rawValue) (HTTP \(reply.status)) where the document has a success: \(failure.message)"]
            }
            return ["the reply does not decode into the model (HTTP \(reply.status)): \(error.message)"]
        }
        var differences = reply.status == expected ? [] : ["HTTP \(reply.status) where the document has \(expected)"]
        if let encoded = try? ExpressJSON.encode(decoded) {
            differences += JSONShape.unknownFields(JSONShape.value(reply.body), JSONShape.value(encoded), at: "reply")
        }
        return differences
    }

    static func error(_ code: ExpressErrorCode, _ reply: ProviderHTTP.Reply) -> [String] {
        guard let object = JSONShape.object(reply.body) else { return ["the body is not a JSON object (HTTP \(reply.status)): \(JSONShape.excerpt(reply.body))"] }
        var differences: [String] = []
        let unexpected = Set(object.keys).subtracting(["errorCode", "message", "field"]).sorted()
        if !unexpected.isEmpty { differences.append("the error has keys the document does not: \(unexpected.joined(separator: ", "))") }
        let received = object["errorCode"] as? String
        if received != code.rawValue { differences.append("\(received ?? "no errorCode") where the document has \(code.rawValue)") }
        if object["message"] as? String == nil { differences.append("the error has no message") }
        if reply.status != code.httpStatus { differences.append("HTTP \(reply.status) where the document has \(code.httpStatus) for \(code.rawValue)") }
        return differences
    }
}
