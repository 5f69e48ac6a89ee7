import Foundation
import WireCoding

/// The MySoft İYS JSON codec: requests and replies to and from bytes. Decoding failures become `HM422`
/// naming the field, so a mock can answer them in the API's own envelope.
public enum IYSJSON {
    /// Decodes a request or reply; malformed JSON, wrong types and unknown constants are `HM422`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: some Sequence<UInt8>) throws(IYSError) -> Value {
        do {
            // A repeated key's last value, as most JSON parsers read it (Foundation alone keeps the first).
            return try JSONDecoder().decode(type, from: Data(JSONOutline.keepingLast(Array(bytes)).bytes))
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw IYSError(.HM422, "the body is not valid JSON")
        }
    }

    /// Encodes with sorted keys, so output is stable byte for byte.
    public static func encode<Value: Encodable>(_ value: Value) throws(IYSError) -> [UInt8] {
        do {
            return Array(try WireJSON.encoder().encode(value))
        } catch {
            throw IYSError(.HM400, "cannot encode: \(error)")
        }
    }

    static func describe(_ error: DecodingError) -> IYSError {
        guard let problem = DecodingProblem(error) else { return IYSError(.HM422, "the body cannot be read") }
        let field = problem.field.isEmpty ? "body" : problem.field
        switch problem.kind {
        case .missing: return .invalid(field, "is required")
        case .wrongType(let expected, _): return .invalid(field, "expected \(describe(expected))")
        case .null(let expected): return .invalid(field, "expected \(describe(expected)), found null")
        case .unreadable(let detail):
            if problem.field.isEmpty { return IYSError(.HM422, "the body is not valid JSON") }
            return .invalid(field, detail)
        }
    }

    static func describe(_ expected: DecodingProblem.Expected) -> String {
        switch expected {
        case .number: "a number"
        case .boolean: "true or false"
        case .string: "text"
        case .list: "a list"
        case .object: "an object"
        }
    }
}
