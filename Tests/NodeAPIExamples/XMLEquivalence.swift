import LibXML

/// What "an equivalent document" means for the Node API's SOAP face.
public enum XMLEquivalence {
    /// The tree with empty elements removed (they mean "not given") and attributes dropped: two
    /// documents are equivalent when their canonical trees are equal.
    public static func canonical(_ element: XMLElement) -> XMLElement {
        var copy = element
        copy.attributes = []
        copy.children = element.children.map(canonical).filter { !($0.children.isEmpty && $0.text.isEmpty) }
        if !copy.children.isEmpty { copy.text = "" }
        return copy
    }

    public static func canonical(_ bytes: [UInt8]) throws -> XMLElement {
        canonical(try XMLDocumentParser.parse(bytes))
    }
}
