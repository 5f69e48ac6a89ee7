/// What a `DecodingError` says, taken apart once: the field (``CodingPath``), and what was wrong with it. Each codec
/// words it in its provider's error (`ERR_INVALID_PARAM`, `HM422`, `VALIDATION_ERROR`).
public struct DecodingProblem: Sendable, Hashable {
    /// The kind of value a field expected.
    public enum Expected: Sendable, Hashable {
        case number, string, boolean, list, object

        init(_ type: Any.Type) {
            switch type {
            case is Int.Type, is Int64.Type, is Double.Type: self = .number
            case is String.Type, is Substring.Type: self = .string
            case is Bool.Type: self = .boolean
            default: self = "\(type)".hasPrefix("Array") ? .list : .object
            }
        }
    }

    public enum Kind: Sendable, Hashable {
        /// The field is required and was not given.
        case missing
        /// The field has a value of another kind; `detail` is the decoder's description.
        case wrongType(Expected, detail: String)
        /// The field is null where a value is required.
        case null(Expected)
        /// The value cannot be read (a bad date, an unknown constant); at the root, the body is not the format at all.
        case unreadable(String)
    }

    /// The field, rendered; empty at the root.
    public var field: String
    public var kind: Kind

    public init(field: String, kind: Kind) {
        self.field = field
        self.kind = kind
    }

    /// The problem a decoding error describes; `nil` for an error that is not a `DecodingError`.
    public init?(_ error: any Error) {
        guard let error = error as? DecodingError else { return nil }
        switch error {
        case .keyNotFound(let key, let context): self.init(field: CodingPath.render(context.codingPath + [key]), kind: .missing)
        case .typeMismatch(let type, let context):
            self.init(field: CodingPath.render(context.codingPath), kind: .wrongType(Expected(type), detail: context.debugDescription))
        case .valueNotFound(let type, let context): self.init(field: CodingPath.render(context.codingPath), kind: .null(Expected(type)))
        case .dataCorrupted(let context): self.init(field: CodingPath.render(context.codingPath), kind: .unreadable(context.debugDescription))
        @unknown default: self.init(field: "", kind: .unreadable(String(describing: error)))
        }
    }
}
