import Foundation

/// The MySoft İYS JSON codec: requests and replies to and from bytes. Decoding failures become `HM422`
/// naming the field, so a mock can answer them in the API's own envelope.
public enum IYSJSON {
    /// Decodes a request or reply; malformed JSON, wrong types and unknown constants are `HM422`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: some Sequence<UInt8>) throws(IYSError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw IYSError(.HM422, "the body is not valid JSON")
        }
    }

    /// Encodes with sorted keys, so output is stable byte for byte.
    public static func encode<Value: Encodable>(_ value: Value) throws(IYSError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw IYSError(.HM400, "cannot encode: \(error)")
        }
    }

    static func describe(_ error: DecodingError) -> IYSError {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let name = fieldName(keys + (last.map { [$0] } ?? []))
            return name.isEmpty ? "body" : name
        }
        switch error {
        case .keyNotFound(let key, let context): return .invalid(path(context.codingPath, key), "is required")
        case .typeMismatch(let type, let context): return .invalid(path(context.codingPath), "expected \(describe(type))")
        case .valueNotFound(let type, let context): return .invalid(path(context.codingPath), "expected \(describe(type)), found null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return IYSError(.HM422, "the body is not valid JSON") }
            return .invalid(path(context.codingPath), context.debugDescription)
        @unknown default: return IYSError(.HM422, "the body cannot be read")
        }
    }

    /// A coding path as error messages name the field: `consentData.recipient`, `members[2].email`; empty at the root.
    /// Shared with the other JSON codecs built on this vocabulary (Euromsg Express).
    public static func fieldName(_ path: [any CodingKey]) -> String {
        let text = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : text
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        default: "\(type)".hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
