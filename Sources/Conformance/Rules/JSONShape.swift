import Foundation

/// What a JSON reply carries beyond what the model writes back: the comparison every contract makes after a reply
/// decodes into the model (the Node API's, İYS's, Euromsg's).
enum JSONShape {
    /// The body as a JSON object, or nil.
    static func object(_ body: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// The body as any JSON value, or nil.
    static func value(_ body: [UInt8]) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(body), options: .fragmentsAllowed)
    }

    /// What `received` has that the model, writing the same value back, does not: unknown fields, and values of
    /// another JSON type than the document's (a number sent as a string, which the model reads leniently).
    static func unknownFields(_ received: Any?, _ written: Any?, at path: String) -> [String] {
        switch (received, written) {
        case (let received as [String: Any], let written as [String: Any]):
            return received.keys.sorted().flatMap { key -> [String] in
                guard let value = written[key] else {
                    return received[key] is NSNull ? [] : ["\(path).\(key) is not in the document"]
                }
                return unknownFields(received[key], value, at: "\(path).\(key)")
            }
        // A list's first three elements stand for it: a page of 1 000 packages is not walked whole.
        case (let received as [Any], let written as [Any]):
            return zip(received, written).prefix(3).enumerated().flatMap { index, pair in unknownFields(pair.0, pair.1, at: "\(path)[\(index)]") }
        case (.some(let received), .some(let written)):
            let (got, wanted) = (kind(received), kind(written))
            return got == wanted || got == "null" ? [] : ["\(path) is a \(got), the document's type is \(wanted)"]
        default:
            return []
        }
    }

    static func kind(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case is String: "string"
        case is [Any]: "array"
        case is [String: Any]: "object"
        case let number as NSNumber: String(describing: type(of: number)).contains("Boolean") ? "boolean" : "number"
        default: "value"
        }
    }

    /// The start of a body, for a difference that quotes it.
    static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(120), as: UTF8.self)
        return body.count > 120 ? text + "…" : text
    }
}
