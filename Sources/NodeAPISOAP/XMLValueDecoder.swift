import LibXML
import NodeAPI

/// Decodes model values from the children of an ``XMLElement``, following the Node API's SOAP rules:
/// fields are unqualified child elements, lists are `<item>` children, scalars are text, and an empty
/// element (or `xsi:nil="true"`) means "not given".
struct XMLValueDecoder: Decoder {
    let element: XMLElement
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(element: XMLElement, codingPath: [any CodingKey] = []) {
        self.element = element
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard element.children.isEmpty, !element.isEmpty else {
            return KeyedDecodingContainer(KeyedContainer<Key>(element: element, codingPath: codingPath))
        }
        throw DecodingError.typeMismatch([String: String].self, .init(codingPath: codingPath, debugDescription: "expected child elements, found text"))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard element.children.isEmpty, !element.isEmpty else { return UnkeyedContainer(element: element, codingPath: codingPath) }
        throw DecodingError.typeMismatch([String].self, .init(codingPath: codingPath, debugDescription: "expected <item> elements, found text"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValue(element: element, codingPath: codingPath) }

    static func isNil(_ element: XMLElement) -> Bool {
        element.isEmpty || element.attribute("nil", namespaceURI: "http://www.w3.org/2001/XMLSchema-instance") == "true"
    }

    /// Scalars from text; shared by the three containers.
    static func scalar<T>(_ type: T.Type, from element: XMLElement, path: [any CodingKey]) throws -> T {
        guard element.children.isEmpty else {
            throw DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "expected text, found child elements"))
        }
        if type == String.self { return element.text as! T }
        let text = element.text.trimmedASCIIWhitespace
        let value: Any?
        switch type {
        case is Bool.Type:
            value = text == "true" || text == "1" ? true : (text == "false" || text == "0" ? false : nil)
        case is Int.Type: value = Int(text)
        case is Int64.Type: value = Int64(text)
        case is Int32.Type: value = Int32(text)
        case is UInt.Type: value = UInt(text)
        case is Double.Type: value = Double(text)
        case is Float.Type: value = Float(text)
        default: value = nil
        }
        guard let result = value as? T else {
            throw DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "'\(element.text)' is not a \(type)"))
        }
        return result
    }

    static let scalarTypes: [Any.Type] = [String.self, Bool.self, Int.self, Int64.self, Int32.self, UInt.self, Double.self, Float.self]

    static func value<T: Decodable>(_ type: T.Type, from element: XMLElement, path: [any CodingKey]) throws -> T {
        if scalarTypes.contains(where: { $0 == type }) { return try scalar(type, from: element, path: path) }
        return try T(from: XMLValueDecoder(element: element, codingPath: path))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let element: XMLElement
    let codingPath: [any CodingKey]

    var allKeys: [Key] {
        var seen = Set<String>()
        return element.children.compactMap { child in
            guard child.namespaceURI == nil, seen.insert(child.localName).inserted else { return nil }
            return Key(stringValue: child.localName)
        }
    }

    private func child(_ key: Key) -> XMLElement? {
        element.children.first { $0.localName == key.stringValue && $0.namespaceURI == nil }
    }

    private func require(_ key: Key) throws -> XMLElement {
        guard let child = child(key) else { throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "is required")) }
        return child
    }

    func contains(_ key: Key) -> Bool { child(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let child = child(key) else { return true }
        return XMLValueDecoder.isNil(child)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try XMLValueDecoder.value(type, from: try require(key), path: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try XMLValueDecoder(element: try require(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try XMLValueDecoder(element: try require(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { XMLValueDecoder(element: element, codingPath: codingPath) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        XMLValueDecoder(element: try require(key), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let element: XMLElement
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(element: XMLElement, codingPath: [any CodingKey]) {
        self.element = element
        self.codingPath = codingPath
    }

    var count: Int? { element.children.count }
    var isAtEnd: Bool { currentIndex >= element.children.count }

    private var indexKey: WireKey { WireKey(intValue: currentIndex)! }

    private mutating func next() throws -> XMLElement {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath + [indexKey], debugDescription: "no more items"))
        }
        let child = element.children[currentIndex]
        guard child.localName == "item", child.namespaceURI == nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [indexKey], debugDescription: "list entries must be <item> elements, found <\(child.localName)>"))
        }
        currentIndex += 1
        return child
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, XMLValueDecoder.isNil(element.children[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let path = codingPath + [indexKey]
        let saved = currentIndex
        let child = try next()
        do {
            return try XMLValueDecoder.value(type, from: child, path: path)
        } catch {
            currentIndex = saved
            throw error
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let path = codingPath + [indexKey]
        return try XMLValueDecoder(element: try next(), codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let path = codingPath + [indexKey]
        return try XMLValueDecoder(element: try next(), codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let path = codingPath + [indexKey]
        return XMLValueDecoder(element: try next(), codingPath: path)
    }
}

private struct SingleValue: SingleValueDecodingContainer {
    let element: XMLElement
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { XMLValueDecoder.isNil(element) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try XMLValueDecoder.value(type, from: element, path: codingPath)
    }
}
