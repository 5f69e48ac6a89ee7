/// An element of a parsed or to-be-written XML document, as a plain `Sendable` value.
///
/// The tree keeps what a SOAP codec needs and nothing more: the element's namespace URI and local
/// name (never its prefix, which carries no meaning), its attributes, its child elements and the
/// concatenated character data directly inside it (text and CDATA; comments and processing
/// instructions are dropped).
public struct XMLElement: Sendable, Hashable {
    /// The namespace URI the element is in, or `nil` for an unqualified element.
    public var namespaceURI: String?
    /// The element name without its prefix.
    public var localName: String
    /// Attributes in document order.
    public var attributes: [XMLAttribute]
    /// Child elements in document order.
    public var children: [XMLElement]
    /// The character data directly inside this element.
    public var text: String

    public init(
        _ localName: String,
        namespaceURI: String? = nil,
        attributes: [XMLAttribute] = [],
        children: [XMLElement] = [],
        text: String = ""
    ) {
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child with this local name and namespace URI (`nil` means unqualified).
    public func child(_ localName: String, namespaceURI: String? = nil) -> XMLElement? {
        children.first { $0.localName == localName && $0.namespaceURI == namespaceURI }
    }

    /// Every child with this local name and namespace URI.
    public func children(_ localName: String, namespaceURI: String? = nil) -> [XMLElement] {
        children.filter { $0.localName == localName && $0.namespaceURI == namespaceURI }
    }

    /// The value of an attribute, matched by namespace URI and local name.
    public func attribute(_ localName: String, namespaceURI: String? = nil) -> String? {
        attributes.first { $0.localName == localName && $0.namespaceURI == namespaceURI }?.value
    }

    /// True when the element has neither child elements nor any non-whitespace text: on the
    /// Node API's SOAP face such an element means "not given".
    public var isEmpty: Bool {
        children.isEmpty && text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }
}

/// An attribute of an ``XMLElement``.
public struct XMLAttribute: Sendable, Hashable {
    public var namespaceURI: String?
    public var localName: String
    public var value: String

    public init(_ localName: String, namespaceURI: String? = nil, value: String) {
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.value = value
    }
}
