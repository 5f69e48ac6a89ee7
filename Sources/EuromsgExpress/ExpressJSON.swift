import Foundation
import MySoftIYS
import WireCoding

/// The Euromsg Express JSON codec. Decoding failures become `VALIDATION_ERROR` naming the field, so the
/// mock answers them in the gateway's own error shape.
public enum ExpressJSON {
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: some Sequence<UInt8>) throws(ExpressError) -> Value {
        do {
            // A repeated key's last value, as most JSON parsers read it (Foundation alone keeps the first).
            return try JSONDecoder().decode(type, from: Data(JSONOutline.keepingLast(Array(bytes)).bytes))
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw ExpressError(.validation, "the body is not valid JSON")
        }
    }

    /// Encodes with sorted keys, so output is stable byte for byte.
    public static func encode<Value: Encodable>(_ value: Value) throws(ExpressError) -> [UInt8] {
        do {
            return Array(try WireJSON.encoder().encode(value))
        } catch {
            throw ExpressError(.validation, "cannot encode: \(error)")
        }
    }

    static func describe(_ error: DecodingError) -> ExpressError {
        guard let problem = DecodingProblem(error) else { return ExpressError(.validation, "the body cannot be read") }
        switch problem.kind {
        case .missing: return .invalid(problem.field, "is required")
        case .wrongType, .null: return .invalid(problem.field, "has the wrong type")
        case .unreadable(let detail):
            if problem.field.isEmpty { return ExpressError(.validation, "the body is not valid JSON") }
            return .invalid(problem.field, detail)
        }
    }
}
