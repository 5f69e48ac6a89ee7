import LibXML
import NodeAPI

/// Decodes model values from the children of an ``XMLElement``, following the Node API's SOAP rules:
/// fields are unqualified child elements, lists are `<item>` children, scalars are text, and an empty
/// element (or `xsi:nil="true"`) means "not given".
///
/// Scalars have their own decode methods (no boxing through `Any`), and coding paths are built only
/// when an error needs one: this decoder sits on the hot path of every SOAP request.
struct XMLValueDecoder: Decoder {
    let element: XMLElement
    let codingPath: [any CodingKey]
    /// Where unknown fields are listed when they are ignored; `nil` refuses them (see ``WireFields/checkUnknown(_:in:)``).
    let ignored: IgnoredFields?
    /// Publishes the element's field names for the model's unknown-field check, and the list of ignored fields.
    var userInfo: [CodingUserInfoKey: Any] {
        guard let ignored else { return [.nodeAPIFieldNames: fieldNames] }
        return [.nodeAPIFieldNames: fieldNames, .nodeAPIIgnoredFields: ignored]
    }

    init(element: XMLElement, codingPath: [any CodingKey] = [], ignored: IgnoredFields? = nil) {
        self.element = element
        self.codingPath = codingPath
        self.ignored = ignored
    }

    private var fieldNames: [String] { element.children.compactMap { $0.namespaceURI == nil ? $0.localName : nil } }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard element.children.isEmpty, !element.isEmpty else {
            return KeyedDecodingContainer(KeyedContainer<Key>(element: element, codingPath: codingPath, ignored: ignored))
        }
        throw DecodingError.typeMismatch([String: String].self, .init(codingPath: codingPath, debugDescription: "expected child elements, found text"))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard element.children.isEmpty, !element.isEmpty else { return UnkeyedContainer(element: element, codingPath: codingPath, ignored: ignored) }
        throw DecodingError.typeMismatch([String].self, .init(codingPath: codingPath, debugDescription: "expected <item> elements, found text"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValue(element: element, codingPath: codingPath, ignored: ignored) }

    static func isNil(_ element: XMLElement) -> Bool {
        element.isEmpty || (!element.attributes.isEmpty && element.attribute("nil", namespaceURI: "http://www.w3.org/2001/XMLSchema-instance") == "true")
    }

    // MARK: Scalars

    static func text(_ element: XMLElement, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard element.children.isEmpty else {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: path(), debugDescription: "expected text, found child elements"))
        }
        return element.text
    }

    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ element: XMLElement, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
        let text = try text(element, path())
        if let value = T(text) ?? T(text.trimmedASCIIWhitespace) { return value }
        throw DecodingError.typeMismatch(type, .init(codingPath: path(), debugDescription: "'\(text)' is not an integer"))
    }

    static func floating<T: LosslessStringConvertible>(_ type: T.Type, _ element: XMLElement, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
        let text = try text(element, path())
        if let value = T(text.trimmedASCIIWhitespace) { return value }
        throw DecodingError.typeMismatch(type, .init(codingPath: path(), debugDescription: "'\(text)' is not a number"))
    }

    static func boolean(_ element: XMLElement, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        switch try text(element, path()).trimmedASCIIWhitespace {
        case "true", "1": return true
        case "false", "0": return false
        default: throw DecodingError.typeMismatch(Bool.self, .init(codingPath: path(), debugDescription: "'\(element.text)' is not a boolean"))
        }
    }

    /// Any value: scalars by their own rule, everything else through its `init(from:)`.
    static func value<T: Decodable>(
        _ type: T.Type, _ element: XMLElement, _ path: @autoclosure () -> [any CodingKey], ignored: IgnoredFields?
    ) throws -> T {
        // Metatype identity, not `is` casts: a pointer comparison each.
        let identity = ObjectIdentifier(type)
        if identity == ObjectIdentifier(String.self) { return unsafeBitCast(try text(element, path()), to: T.self) }
        if identity == ObjectIdentifier(Int.self) { return unsafeBitCast(try integer(Int.self, element, path()), to: T.self) }
        if identity == ObjectIdentifier(Bool.self) { return unsafeBitCast(try boolean(element, path()), to: T.self) }
        if identity == ObjectIdentifier(Double.self) { return unsafeBitCast(try floating(Double.self, element, path()), to: T.self) }
        return try T(from: XMLValueDecoder(element: element, codingPath: path(), ignored: ignored))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let element: XMLElement
    let codingPath: [any CodingKey]
    let ignored: IgnoredFields?

    /// Every unqualified child's name, in document order (repeated names appear once per child).
    var allKeys: [Key] {
        element.children.compactMap { $0.namespaceURI == nil ? Key(stringValue: $0.localName) : nil }
    }

    /// Looked up by index, comparing in place: copying each `XMLElement` out would retain and release its five references.
    private func child(_ key: Key) -> XMLElement? {
        let name = key.stringValue
        guard let index = element.children.firstIndex(where: { $0.localName == name && $0.namespaceURI == nil }) else { return nil }
        return element.children[index]
    }

    private func require(_ key: Key) throws -> XMLElement {
        guard let child = child(key) else { throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "is required")) }
        return child
    }

    func contains(_ key: Key) -> Bool {
        let name = key.stringValue
        return element.children.contains { $0.localName == name && $0.namespaceURI == nil }
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let child = child(key) else { return true }
        return XMLValueDecoder.isNil(child)
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { try XMLValueDecoder.text(require(key), codingPath + [key]) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try XMLValueDecoder.boolean(require(key), codingPath + [key]) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try XMLValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try XMLValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try XMLValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try XMLValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try XMLValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try XMLValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try XMLValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try XMLValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try XMLValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try XMLValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try XMLValueDecoder.floating(type, require(key), codingPath + [key]) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try XMLValueDecoder.floating(type, require(key), codingPath + [key]) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try XMLValueDecoder.value(type, require(key), codingPath + [key], ignored: ignored)
    }

    // One lookup for an optional field: the standard library's versions ask `contains`, then `decodeNil`, then `decode`.
    private func present(_ key: Key) -> XMLElement? {
        guard let child = child(key), !XMLValueDecoder.isNil(child) else { return nil }
        return child
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key).map { try XMLValueDecoder.text($0, codingPath + [key]) }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key).map { try XMLValueDecoder.integer(type, $0, codingPath + [key]) }
    }

    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        try present(key).map { try XMLValueDecoder.integer(type, $0, codingPath + [key]) }
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try present(key).map { try XMLValueDecoder.boolean($0, codingPath + [key]) }
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try present(key).map { try XMLValueDecoder.floating(type, $0, codingPath + [key]) }
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key).map { try XMLValueDecoder.value(type, $0, codingPath + [key], ignored: ignored) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try XMLValueDecoder(element: try require(key), codingPath: codingPath + [key], ignored: ignored).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try XMLValueDecoder(element: try require(key), codingPath: codingPath + [key], ignored: ignored).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { XMLValueDecoder(element: element, codingPath: codingPath, ignored: ignored) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        XMLValueDecoder(element: try require(key), codingPath: codingPath + [key], ignored: ignored)
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let element: XMLElement
    let codingPath: [any CodingKey]
    let ignored: IgnoredFields?
    private(set) var currentIndex = 0

    init(element: XMLElement, codingPath: [any CodingKey], ignored: IgnoredFields?) {
        self.element = element
        self.codingPath = codingPath
        self.ignored = ignored
    }

    var count: Int? { element.children.count }
    var isAtEnd: Bool { currentIndex >= element.children.count }

    private var path: [any CodingKey] { codingPath + [WireKey(intValue: currentIndex)!] }

    /// The current entry, which must be an `<item>`; the index moves on only when decoding succeeds.
    private func current() throws -> XMLElement {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: path, debugDescription: "no more items"))
        }
        let child = element.children[currentIndex]
        guard child.localName == "item", child.namespaceURI == nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "list entries must be <item> elements, found <\(child.localName)>"))
        }
        return child
    }

    private mutating func advance<T>(_ body: (XMLElement) throws -> T) throws -> T {
        let value = try body(try current())
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, XMLValueDecoder.isNil(element.children[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: String.Type) throws -> String { let path = path; return try advance { try XMLValueDecoder.text($0, path) } }
    mutating func decode(_ type: Int.Type) throws -> Int { let path = path; return try advance { try XMLValueDecoder.integer(type, $0, path) } }
    mutating func decode(_ type: Bool.Type) throws -> Bool { let path = path; return try advance { try XMLValueDecoder.boolean($0, path) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (path, ignored) = (path, ignored)
        return try advance { try XMLValueDecoder.value(type, $0, path, ignored: ignored) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (path, ignored) = (path, ignored)
        return try advance { try XMLValueDecoder(element: $0, codingPath: path, ignored: ignored).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (path, ignored) = (path, ignored)
        return try advance { try XMLValueDecoder(element: $0, codingPath: path, ignored: ignored).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        let (path, ignored) = (path, ignored)
        return try advance { XMLValueDecoder(element: $0, codingPath: path, ignored: ignored) }
    }
}

private struct SingleValue: SingleValueDecodingContainer {
    let element: XMLElement
    let codingPath: [any CodingKey]
    let ignored: IgnoredFields?

    func decodeNil() -> Bool { XMLValueDecoder.isNil(element) }
    func decode(_ type: String.Type) throws -> String { try XMLValueDecoder.text(element, codingPath) }
    func decode(_ type: Bool.Type) throws -> Bool { try XMLValueDecoder.boolean(element, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try XMLValueDecoder.integer(type, element, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try XMLValueDecoder.floating(type, element, codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try XMLValueDecoder.value(type, element, codingPath, ignored: ignored)
    }
}
