/// Why a document was refused by ``XMLDocumentParser``.
public enum XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is larger than ``XMLParseLimits/maxBytes``.
    case documentTooLarge(bytes: Int, limit: Int)
    /// Elements nest deeper than ``XMLParseLimits/maxDepth``.
    case tooDeep(limit: Int)
    /// The document declares a DTD (`<!DOCTYPE …>`); entity declarations are never honoured.
    case doctypeNotAllowed
    /// The document references an entity other than the five predefined ones and character references.
    case entityNotAllowed(name: String)
    /// The document has no root element.
    case empty
    /// libxml2 found the document not well formed.
    case malformed(message: String, line: Int, column: Int)

    public var description: String {
        switch self {
        case .documentTooLarge(let bytes, let limit): "XML document of \(bytes) bytes exceeds the limit of \(limit) bytes"
        case .tooDeep(let limit): "XML elements nest deeper than \(limit) levels"
        case .doctypeNotAllowed: "XML document declares a DOCTYPE, which is not allowed"
        case .entityNotAllowed(let name): "XML document references the entity '\(name)', which is not allowed"
        case .empty: "XML document is empty"
        case .malformed(let message, let line, let column): "malformed XML at line \(line), column \(column): \(message)"
        }
    }
}

/// Bounds that keep a parse cheap whatever the input.
public struct XMLParseLimits: Sendable, Equatable {
    /// Largest accepted input, in bytes.
    public var maxBytes: Int
    /// Deepest accepted element nesting (the root is depth 1).
    public var maxDepth: Int

    public init(maxBytes: Int = 4 * 1024 * 1024, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    /// 4 MiB and 64 levels: far above any Node API envelope, far below harm.
    public static let `default` = XMLParseLimits()
}
