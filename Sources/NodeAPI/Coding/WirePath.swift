/// Turns a coding path into the field name a person reads in an error: `numbers[1].nr`.
public enum WirePath {
    public static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text.isEmpty ? "body" : text
    }
}

extension NodeAPIError {
    /// The error a request that could not be decoded gets: `ERR_INVALID_PARAM` naming the field and what was wrong.
    public init(decoding error: any Error) {
        switch error {
        case let error as NodeAPIError:
            self = error
        case let DecodingError.keyNotFound(key, context):
            self = .invalid(WirePath.render(context.codingPath + [key]), "is required")
        case let DecodingError.typeMismatch(type, context):
            self = .invalid(WirePath.render(context.codingPath), "expected \(Self.describe(type)) (\(context.debugDescription))")
        case let DecodingError.valueNotFound(type, context):
            self = .invalid(WirePath.render(context.codingPath), "expected \(Self.describe(type)), found nothing")
        case let DecodingError.dataCorrupted(context):
            self = .invalid(WirePath.render(context.codingPath), context.debugDescription)
        default:
            self = NodeAPIError(.sms00, detail: String(describing: error))
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Double.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        default: "\(type)".hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
