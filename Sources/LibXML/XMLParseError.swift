/// Why a document was refused by ``XMLDocumentParser``.
public enum XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is larger than ``XMLParseLimits/maxBytes``.
    case documentTooLarge(bytes: Int, limit: Int)
    /// Elements nest deeper than ``XMLParseLimits/maxDepth``.
    case tooDeep(limit: Int)
    /// One element has more attributes (namespace declarations included) than ``XMLParseLimits/maxAttributesPerElement``.
    case tooManyAttributes(limit: Int)
    /// The document has more elements and attributes than ``XMLParseLimits/maxNodes``.
    case tooManyNodes(limit: Int)
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
        case .tooManyAttributes(let limit): "an XML element has more than \(limit) attributes"
        case .tooManyNodes(let limit): "the XML document has more than \(limit) elements and attributes"
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
    /// Most attributes of one element, namespace declarations included (libxml2 compares them pair by pair).
    public var maxAttributesPerElement: Int
    /// Most elements and attributes in one document (a sendSms to 100 000 numbers has 100 000 `<item>`s).
    public var maxNodes: Int

    public init(maxBytes: Int = 4 * 1024 * 1024, maxDepth: Int = 64, maxAttributesPerElement: Int = 64, maxNodes: Int = 250_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAttributesPerElement = maxAttributesPerElement
        self.maxNodes = maxNodes
    }

    /// 4 MiB, 64 levels, 64 attributes per element, 250 000 nodes: far above any Node API envelope, far below harm.
    public static let `default` = XMLParseLimits()
}
