import WireCoding

/// Turns a coding path into the field name a person reads in an error: `numbers[1].nr`, `body` at the root.
public enum WirePath {
    public static func render(_ path: [any CodingKey]) -> String {
        let text = CodingPath.render(path)
        return text.isEmpty ? "body" : text
    }
}

extension NodeAPIError {
    /// The error a request that could not be decoded gets: `ERR_INVALID_PARAM` naming the field and what was wrong.
    public init(decoding error: any Error) {
        if let error = error as? NodeAPIError {
            self = error
            return
        }
        guard let problem = DecodingProblem(error) else {
            self = NodeAPIError(.sms00, detail: String(describing: error))
            return
        }
        let field = problem.field.isEmpty ? "body" : problem.field
        switch problem.kind {
        case .missing: self = .invalid(field, "is required")
        case .wrongType(let expected, let detail): self = .invalid(field, "expected \(Self.describe(expected)) (\(detail))")
        case .null(let expected): self = .invalid(field, "expected \(Self.describe(expected)), found nothing")
        case .unreadable(let detail): self = .invalid(field, detail)
        }
    }

    private static func describe(_ expected: DecodingProblem.Expected) -> String {
        switch expected {
        case .number: "a number"
        case .string: "a string"
        case .boolean: "a boolean"
        case .list: "a list"
        case .object: "an object"
        }
    }
}
