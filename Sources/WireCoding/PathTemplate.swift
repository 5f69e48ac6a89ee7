/// A path that names at most one parameter, its last part, in braces as OpenAPI writes it (`/member/{memberId}`):
/// the form of the operation tables that have such paths (Euromsg Express's, the admin API's).
public struct PathTemplate: Sendable, Hashable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The parameter's name, if the path has one.
    public var parameter: String? {
        guard let open = text.firstIndex(of: "{") else { return nil }
        return String(text[open...].dropFirst().dropLast())
    }

    /// The path with its parameter given (the path as it is when it has none).
    public func filled(_ value: some CustomStringConvertible) -> String {
        guard let open = text.firstIndex(of: "{") else { return text }
        return text[..<open] + value.description
    }

    /// The path as a router matches it: the parameter as `:name`.
    public var routerPattern: String { parameter.map { filled(":\($0)") } ?? text }
}
