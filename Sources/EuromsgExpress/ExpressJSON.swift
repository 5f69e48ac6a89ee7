import Foundation
import MySoftIYS

/// The Euromsg Express JSON codec. Decoding failures become `VALIDATION_ERROR` naming the field, so the
/// mock answers them in the gateway's own error shape.
public enum ExpressJSON {
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: some Sequence<UInt8>) throws(ExpressError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw ExpressError(.validation, "the body is not valid JSON")
        }
    }

    /// Encodes with sorted keys, so output is stable byte for byte.
    public static func encode<Value: Encodable>(_ value: Value) throws(ExpressError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw ExpressError(.validation, "cannot encode: \(error)")
        }
    }

    static func describe(_ error: DecodingError) -> ExpressError {
        let field = IYSJSON.fieldName
        switch error {
        case .keyNotFound(let key, let context): return .invalid(field(context.codingPath + [key]), "is required")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return .invalid(field(context.codingPath), "has the wrong type")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return ExpressError(.validation, "the body is not valid JSON") }
            return .invalid(field(context.codingPath), context.debugDescription)
        @unknown default: return ExpressError(.validation, "the body cannot be read")
        }
    }
}
