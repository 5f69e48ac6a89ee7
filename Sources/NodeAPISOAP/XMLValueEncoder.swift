import LibXML
import NodeAPI

/// Encodes model values as child elements of an ``XMLElement``: fields become unqualified
/// elements in encoding order, lists become `<item>` children, `nil` becomes an empty element.
final class XMLValueEncoder: Encoder {
    /// An element under construction; nested containers keep references to it.
    final class Node {
        let name: String
        var text = ""
        var children: [Node] = []

        init(_ name: String) { self.name = name }

        func add(_ name: String) -> Node {
            let child = Node(name)
            children.append(child)
            return child
        }

        var element: XMLElement {
            XMLElement(name, children: children.map(\.element), text: text)
        }
    }

    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, codingPath: [any CodingKey] = []) {
        self.node = node
        self.codingPath = codingPath
    }

    /// `value` encoded as the children (or text) of an element named `name`.
    static func element(named name: String, encoding value: some Encodable) throws -> XMLElement {
        let node = Node(name)
        try encode(value, into: node, path: [])
        return node.element
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedContainer(node: node, codingPath: codingPath) }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValue(node: node, codingPath: codingPath) }

    /// The text of a scalar, by metatype identity (a pointer comparison each, no dynamic cast): the containers'
    /// scalar methods take most scalars directly, this catches those reaching the generic path.
    static func text<T: Encodable>(of value: T) -> String? {
        let identity = ObjectIdentifier(T.self)
        if identity == ObjectIdentifier(String.self) { return unsafeBitCast(value, to: String.self) }
        if identity == ObjectIdentifier(Int.self) { return String(unsafeBitCast(value, to: Int.self)) }
        if identity == ObjectIdentifier(Bool.self) { return text(unsafeBitCast(value, to: Bool.self)) }
        if identity == ObjectIdentifier(Double.self) { return text(unsafeBitCast(value, to: Double.self)) }
        if identity == ObjectIdentifier(Int64.self) { return String(unsafeBitCast(value, to: Int64.self)) }
        if identity == ObjectIdentifier(Int32.self) { return String(unsafeBitCast(value, to: Int32.self)) }
        if identity == ObjectIdentifier(UInt.self) { return String(unsafeBitCast(value, to: UInt.self)) }
        if identity == ObjectIdentifier(Float.self) { return String(unsafeBitCast(value, to: Float.self)) }
        return nil
    }

    static func text(_ value: Bool) -> String { value ? "true" : "false" }

    /// Whole numbers without a fraction (`5`, not `5.0`), as the provider writes them.
    static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func encode(_ value: some Encodable, into node: Node, path: [any CodingKey]) throws {
        if let text = text(of: value) {
            node.text = text
        } else {
            try value.encode(to: XMLValueEncoder(node: node, codingPath: path))
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: XMLValueEncoder.Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { _ = node.add(key.stringValue) }

    // Scalars are text, and no coding path is built for them: encoding a scalar cannot fail.
    mutating func encode(_ value: String, forKey key: Key) throws { node.add(key.stringValue).text = value }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.add(key.stringValue).text = XMLValueEncoder.text(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.add(key.stringValue).text = String(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { node.add(key.stringValue).text = String(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { node.add(key.stringValue).text = XMLValueEncoder.text(value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try XMLValueEncoder.encode(value, into: node.add(key.stringValue), path: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedContainer<NestedKey>(node: node.add(key.stringValue), codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedContainer(node: node.add(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { XMLValueEncoder(node: node, codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        XMLValueEncoder(node: node.add(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: XMLValueEncoder.Node
    let codingPath: [any CodingKey]
    var count: Int { node.children.count }

    private var indexKey: WireKey { WireKey(intValue: count)! }

    mutating func encodeNil() throws { _ = node.add("item") }
    mutating func encode(_ value: String) throws { node.add("item").text = value }
    mutating func encode(_ value: Int) throws { node.add("item").text = String(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [indexKey]
        try XMLValueEncoder.encode(value, into: node.add("item"), path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [indexKey]
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: node.add("item"), codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [indexKey]
        return UnkeyedContainer(node: node.add("item"), codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [indexKey]
        return XMLValueEncoder(node: node.add("item"), codingPath: path)
    }
}

private struct SingleValue: SingleValueEncodingContainer {
    let node: XMLValueEncoder.Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.text = "" }
    mutating func encode(_ value: String) throws { node.text = value }
    mutating func encode(_ value: Bool) throws { node.text = XMLValueEncoder.text(value) }
    mutating func encode(_ value: Int) throws { node.text = String(value) }
    mutating func encode(_ value: Double) throws { node.text = XMLValueEncoder.text(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try XMLValueEncoder.encode(value, into: node, path: codingPath)
    }
}
