import Foundation
import NodeAPI

/// The parameters of a query string (`a=1&b=x+y&ids[]=1&ids[]=2`) as a tree: `settings.iys=1` and
/// `settings[iys]=1` are the field `iys` of the object `settings`; `ids[]=…` and `ids[0]=…` are list entries.
/// Keys and values are form-decoded (`+` is a space, then percent escapes), as PHP's `http_build_query` writes them.
struct QueryNode {
    /// The values given for this name, in order (a repeated key gives several).
    var values: [String] = []
    /// Fields of this name as an object, in first-seen order.
    private(set) var children: [(name: String, node: QueryNode)] = []
    /// Where each field is in `children`: a query of many distinct names stays linear.
    private var positions: [String: Int] = [:]

    /// At most this many parameters and this nesting depth: a query string is bounded by the header limit, but the
    /// tree must not cost more than linear work on it.
    static let maxParameters = 10_000
    static let maxDepth = 8

    init() {}

    init(query: Substring) throws(NodeAPIError) {
        var count = 0
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            count += 1
            guard count <= Self.maxParameters else {
                throw NodeAPIError(.sms00, detail: "the query string has more than \(Self.maxParameters) parameters")
            }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.formDecoded(parts[0])
            let value = parts.count > 1 ? Self.formDecoded(parts[1]) : ""
            let path = Self.path(of: name)
            guard !path.isEmpty else { continue }
            guard path.count <= Self.maxDepth else {
                throw NodeAPIError.invalid(name, "is nested more than \(Self.maxDepth) levels deep")
            }
            insert(value, at: path[...])
        }
    }

    /// `settings[iys][send]` and `settings.iys.send` are `["settings", "iys", "send"]`; `ids[]` is `["ids"]`.
    static func path(of name: String) -> [String] {
        var path: [String] = []
        for dotted in name.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = dotted[...]
            if let open = rest.firstIndex(of: "[") {
                path.append(String(rest[..<open]))
                rest = rest[open...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    let inner = rest[rest.index(after: rest.startIndex)..<close]
                    if !inner.isEmpty { path.append(String(inner)) }
                    rest = rest[rest.index(after: close)...]
                }
                if !rest.isEmpty { path[path.count - 1] += String(rest) }
            } else {
                path.append(String(rest))
            }
        }
        return path.first?.isEmpty == true ? [] : path
    }

    private mutating func insert(_ value: String, at path: ArraySlice<String>) {
        guard let first = path.first else {
            values.append(value)
            return
        }
        if let index = positions[first] {
            children[index].node.insert(value, at: path.dropFirst())
        } else {
            var node = QueryNode()
            node.insert(value, at: path.dropFirst())
            positions[first] = children.count
            children.append((first, node))
        }
    }

    func child(_ name: String) -> QueryNode? {
        positions[name].map { children[$0].node }
    }

    /// The entries of a list: repeated values, each split at commas, or children named 0, 1, 2… in numeric order.
    var listEntries: [QueryNode] {
        if !children.isEmpty, children.allSatisfy({ Int($0.name) != nil }) {
            return children.sorted { (Int($0.name) ?? 0) < (Int($1.name) ?? 0) }.map(\.node)
        }
        return values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: true) }.map { entry in
            var node = QueryNode()
            node.values = [entry.trimmedASCIIWhitespace]
            return node
        }
    }

    /// Nothing given: no value but an empty one, and no fields.
    var isNil: Bool { children.isEmpty && values.allSatisfy(\.isEmpty) }

    private static func formDecoded(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// Decodes a request from a query string, by the body's rules: numbers and booleans are text (as a JSON body
/// may send them), an empty value is "not given", a list is repeated keys, comma-separated or indexed.
/// The model's one `Codable` conformance does the rest, unknown fields included.
struct QueryValueDecoder: Decoder {
    let node: QueryNode
    let codingPath: [any CodingKey]
    let ignored: IgnoredFields?

    var userInfo: [CodingUserInfoKey: Any] {
        let names = node.children.map(\.name)
        guard let ignored else { return [.nodeAPIFieldNames: names] }
        return [.nodeAPIFieldNames: names, .nodeAPIIgnoredFields: ignored]
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard node.values.allSatisfy(\.isEmpty) else {
            throw DecodingError.typeMismatch([String: String].self, .init(codingPath: codingPath, debugDescription: "expected fields (name[field]=…), found a value"))
        }
        return KeyedDecodingContainer(QueryKeyedContainer<Key>(node: node, codingPath: codingPath, ignored: ignored))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        QueryUnkeyedContainer(entries: node.listEntries, codingPath: codingPath, ignored: ignored)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        QuerySingleValue(node: node, codingPath: codingPath, ignored: ignored)
    }

    static func text(_ node: QueryNode, _ path: [any CodingKey]) throws -> String {
        guard node.children.isEmpty else {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: path, debugDescription: "expected a value, found fields"))
        }
        guard node.values.count <= 1 else {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: path, debugDescription: "given \(node.values.count) times"))
        }
        return node.values.first ?? ""
    }

    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ node: QueryNode, _ path: [any CodingKey]) throws -> T {
        let text = try text(node, path)
        guard let value = T(text.trimmedASCIIWhitespace) else {
            throw DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "'\(text)' is not an integer"))
        }
        return value
    }

    static func floating<T: LosslessStringConvertible>(_ type: T.Type, _ node: QueryNode, _ path: [any CodingKey]) throws -> T {
        let text = try text(node, path)
        guard let value = T(text.trimmedASCIIWhitespace) else {
            throw DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "'\(text)' is not a number"))
        }
        return value
    }

    static func boolean(_ node: QueryNode, _ path: [any CodingKey]) throws -> Bool {
        let text = try text(node, path)
        switch text.trimmedASCIIWhitespace.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw DecodingError.typeMismatch(Bool.self, .init(codingPath: path, debugDescription: "'\(text)' is not a boolean"))
        }
    }

    /// Scalars by their own rule (text, as a JSON body may send them), everything else through its `init(from:)`.
    static func value<T: Decodable>(_ type: T.Type, _ node: QueryNode, _ path: [any CodingKey], ignored: IgnoredFields?) throws -> T {
        if T.self == String.self, let value = try text(node, path) as? T { return value }
        if T.self == Int.self, let value = try integer(Int.self, node, path) as? T { return value }
        if T.self == Int64.self, let value = try integer(Int64.self, node, path) as? T { return value }
        if T.self == Double.self, let value = try floating(Double.self, node, path) as? T { return value }
        if T.self == Bool.self, let value = try boolean(node, path) as? T { return value }
        return try T(from: QueryValueDecoder(node: node, codingPath: path, ignored: ignored))
    }
}

private struct QueryKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: QueryNode
    let codingPath: [any CodingKey]
    let ignored: IgnoredFields?

    var allKeys: [Key] { node.children.compactMap { Key(stringValue: $0.name) } }

    func contains(_ key: Key) -> Bool { node.child(key.stringValue) != nil }

    private func require(_ key: Key) throws -> QueryNode {
        guard let child = node.child(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "is required"))
        }
        return child
    }

    func decodeNil(forKey key: Key) throws -> Bool { node.child(key.stringValue)?.isNil ?? true }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { try QueryValueDecoder.text(require(key), codingPath + [key]) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try QueryValueDecoder.boolean(require(key), codingPath + [key]) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try QueryValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try QueryValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try QueryValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try QueryValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try QueryValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try QueryValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try QueryValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try QueryValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try QueryValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try QueryValueDecoder.integer(type, require(key), codingPath + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try QueryValueDecoder.floating(type, require(key), codingPath + [key]) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try QueryValueDecoder.floating(type, require(key), codingPath + [key]) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try QueryValueDecoder.value(type, require(key), codingPath + [key], ignored: ignored)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try QueryValueDecoder(node: require(key), codingPath: codingPath + [key], ignored: ignored).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try QueryValueDecoder(node: require(key), codingPath: codingPath + [key], ignored: ignored).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { QueryValueDecoder(node: node, codingPath: codingPath, ignored: ignored) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        QueryValueDecoder(node: try require(key), codingPath: codingPath + [key], ignored: ignored)
    }
}

private struct QueryUnkeyedContainer: UnkeyedDecodingContainer {
    let entries: [QueryNode]
    let codingPath: [any CodingKey]
    let ignored: IgnoredFields?
    private(set) var currentIndex = 0

    init(entries: [QueryNode], codingPath: [any CodingKey], ignored: IgnoredFields?) {
        self.entries = entries
        self.codingPath = codingPath
        self.ignored = ignored
    }

    var count: Int? { entries.count }
    var isAtEnd: Bool { currentIndex >= entries.count }
    private var path: [any CodingKey] { codingPath + [WireKey(intValue: currentIndex)].compactMap { $0 } }

    private mutating func next() throws -> QueryNode {
        guard !isAtEnd else { throw DecodingError.valueNotFound(Any.self, .init(codingPath: path, debugDescription: "no more entries")) }
        defer { currentIndex += 1 }
        return entries[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, entries[currentIndex].isNil else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let path = path
        return try QueryValueDecoder.value(type, try next(), path, ignored: ignored)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let path = path
        return try QueryValueDecoder(node: try next(), codingPath: path, ignored: ignored).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let path = path
        return try QueryValueDecoder(node: try next(), codingPath: path, ignored: ignored).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let path = path
        return QueryValueDecoder(node: try next(), codingPath: path, ignored: ignored)
    }
}

private struct QuerySingleValue: SingleValueDecodingContainer {
    let node: QueryNode
    let codingPath: [any CodingKey]
    let ignored: IgnoredFields?

    func decodeNil() -> Bool { node.isNil }
    func decode(_ type: String.Type) throws -> String { try QueryValueDecoder.text(node, codingPath) }
    func decode(_ type: Bool.Type) throws -> Bool { try QueryValueDecoder.boolean(node, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try QueryValueDecoder.integer(type, node, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try QueryValueDecoder.floating(type, node, codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try QueryValueDecoder.value(type, node, codingPath, ignored: ignored)
    }
}
