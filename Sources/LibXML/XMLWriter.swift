/// Serialises an ``XMLElement`` tree to UTF-8 bytes.
///
/// Text is escaped (`&`, `<`, `>` and, to survive a parse unchanged, `\r`); attribute values also
/// escape `"`, tab and newline. Characters XML 1.0 cannot carry at all (C0 controls other than tab,
/// newline and carriage return; U+FFFE, U+FFFF) are written as U+FFFD, so a document is always well formed.
/// Namespaces are written with the prefixes given; an element in an unknown namespace gets a generated
/// prefix declared on it. Unqualified elements never inherit a default namespace (none is declared).
public struct XMLWriter: Sendable {
    /// A namespace prefix to declare on the root element.
    public struct Namespace: Sendable, Equatable {
        public var prefix: String
        public var uri: String
        public init(prefix: String, uri: String) {
            self.prefix = prefix
            self.uri = uri
        }
    }

    /// Namespaces declared on the root, in this order.
    public var namespaces: [Namespace]
    /// Spaces per level; `nil` writes everything on one line.
    public var indent: Int?
    /// Whether to start with `<?xml version="1.0" encoding="UTF-8"?>`.
    public var declaration: Bool

    public init(namespaces: [Namespace] = [], indent: Int? = 2, declaration: Bool = true) {
        self.namespaces = namespaces
        self.indent = indent
        self.declaration = declaration
    }

    /// The document with `root` as its root element.
    public func write(_ root: XMLElement) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        if declaration {
            out.append(contentsOf: #"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)
            if indent != nil { out.append(0x0A) }
        }
        var scope = namespaces
        write(root, depth: 0, isRoot: true, scope: &scope, into: &out)
        if indent != nil { out.append(0x0A) }
        return out
    }

    private func write(_ element: XMLElement, depth: Int, isRoot: Bool, scope: inout [Namespace], into out: inout [UInt8]) {
        let scopeCount = scope.count
        // The name is written as prefix, colon and local name: no qualified name is built per element.
        var prefix: String?
        var generated: Namespace?
        if let uri = element.namespaceURI {
            if let known = scope.last(where: { $0.uri == uri }) {
                prefix = known.prefix
            } else {
                let namespace = Namespace(prefix: "ns\(scope.count)", uri: uri)
                scope.append(namespace)
                generated = namespace
                prefix = namespace.prefix
            }
        }
        if let indent, depth > 0 { out.append(contentsOf: repeatElement(0x20, count: indent * depth)) }
        out.append(0x3C)
        Self.name(prefix, element.localName, into: &out)
        if isRoot { for namespace in namespaces { Self.declare(namespace, into: &out) } }
        if let generated { Self.declare(generated, into: &out) }
        for attribute in element.attributes {
            out.append(0x20)
            if let uri = attribute.namespaceURI, let known = scope.last(where: { $0.uri == uri }) {
                out.append(contentsOf: known.prefix.utf8)
                out.append(0x3A)
            }
            out.append(contentsOf: attribute.localName.utf8)
            out.append(contentsOf: "=\"".utf8)
            Self.escape(attribute.value, attribute: true, into: &out)
            out.append(0x22)
        }
        if element.children.isEmpty {
            if element.text.isEmpty {
                out.append(contentsOf: "/>".utf8)
            } else {
                out.append(0x3E)
                Self.escape(element.text, attribute: false, into: &out)
                Self.closeTag(prefix, element.localName, into: &out)
            }
        } else {
            out.append(0x3E)
            for child in element.children {
                if indent != nil { out.append(0x0A) }
                write(child, depth: depth + 1, isRoot: false, scope: &scope, into: &out)
            }
            if let indent {
                out.append(0x0A)
                if depth > 0 { out.append(contentsOf: repeatElement(0x20, count: indent * depth)) }
            }
            Self.closeTag(prefix, element.localName, into: &out)
        }
        if scope.count > scopeCount { scope.removeSubrange(scopeCount...) }
    }

    private static func name(_ prefix: String?, _ localName: String, into out: inout [UInt8]) {
        if let prefix {
            out.append(contentsOf: prefix.utf8)
            out.append(0x3A)
        }
        out.append(contentsOf: localName.utf8)
    }

    private static func declare(_ namespace: Namespace, into out: inout [UInt8]) {
        out.append(contentsOf: " xmlns:".utf8)
        out.append(contentsOf: namespace.prefix.utf8)
        out.append(contentsOf: "=\"".utf8)
        escape(namespace.uri, attribute: true, into: &out)
        out.append(0x22)
    }

    private static func closeTag(_ prefix: String?, _ localName: String, into out: inout [UInt8]) {
        out.append(contentsOf: "</".utf8)
        name(prefix, localName, into: &out)
        out.append(0x3E)
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// `text` escaped for element content or, with `attribute`, for a double-quoted attribute value.
    public static func escaped(_ text: String, attribute: Bool = false) -> String {
        var out: [UInt8] = []
        escape(text, attribute: attribute, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped for element content or, with `attribute`, for a double-quoted attribute value.
    static func escape(_ text: String, attribute: Bool, into out: inout [UInt8]) {
        // Most text needs nothing escaped: one pass to check, then one copy.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0xEF }) {
            out.append(contentsOf: text.utf8)
            return
        }
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? utf8.next() : pending.removeFirst() {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case 0x22 where attribute: out.append(contentsOf: "&quot;".utf8)
            case 0x0A where attribute: out.append(contentsOf: "&#10;".utf8)
            case 0x09 where attribute: out.append(contentsOf: "&#9;".utf8)
            case 0x09, 0x0A: out.append(byte)
            case 0x00..<0x20: out.append(contentsOf: replacement)
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                guard let second = utf8.next() else { out.append(byte); break }
                guard second == 0xBF, let third = utf8.next() else { out.append(byte); pending.append(second); break }
                if third == 0xBE || third == 0xBF {
                    out.append(contentsOf: replacement)
                } else {
                    out.append(contentsOf: [byte, second, third])
                }
            default: out.append(byte)
            }
        }
    }
}
