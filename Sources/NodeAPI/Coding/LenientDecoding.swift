/// Decoding rules shared by every request and reply, whatever the format.
///
/// The Node API is loose about scalars: numbers arrive as JSON numbers or as strings (and as text in
/// SOAP), booleans as `true`/`false` or `0`/`1`. These helpers accept each spelling and fail with an
/// error naming the field otherwise.
extension KeyedDecodingContainer {
    /// An integer given as a number or a numeric string; `nil` when absent, null or empty.
    public func decodeLenientInt(forKey key: Key) throws -> Int? {
        // The common cases in one lookup: a number, or nothing given (absent or null); text and fractions below.
        do { return try decodeIfPresent(Int.self, forKey: key) } catch {}
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let value = try? decode(Int.self, forKey: key) { return value }
        if let text = try? decode(String.self, forKey: key) {
            let trimmed = text.trimmedASCIIWhitespace
            if trimmed.isEmpty { return nil }
            if let value = Int(trimmed) { return value }
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "'\(text)' is not an integer")
        }
        if let value = try? decode(Double.self, forKey: key), value.rounded() == value, abs(value) < 1e15 { return Int(value) }
        throw DecodingError.typeMismatch(Int.self, .init(codingPath: codingPath + [key], debugDescription: "expected an integer"))
    }

    /// A required integer, see ``decodeLenientInt(forKey:)``.
    public func requireLenientInt(forKey key: Key) throws -> Int {
        guard let value = try decodeLenientInt(forKey: key) else { throw missing(key) }
        return value
    }

    /// A boolean given as `true`/`false`, `1`/`0` or their strings; `nil` when absent, null or empty.
    public func decodeLenientBool(forKey key: Key) throws -> Bool? {
        do { return try decodeIfPresent(Bool.self, forKey: key) } catch {}
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let value = try? decode(Bool.self, forKey: key) { return value }
        if let value = try? decode(Int.self, forKey: key), value == 0 || value == 1 { return value == 1 }
        if let text = try? decode(String.self, forKey: key) {
            switch text.trimmedASCIIWhitespace.lowercased() {
            case "": return nil
            case "true", "1": return true
            case "false", "0": return false
            default: throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "'\(text)' is not a boolean")
            }
        }
        throw DecodingError.typeMismatch(Bool.self, .init(codingPath: codingPath + [key], debugDescription: "expected a boolean"))
    }

    /// Text given as a string or a number (a GSM number written as `905551234567`); `nil` when absent, null or empty.
    public func decodeLenientString(forKey key: Key) throws -> String? {
        do { return try decodeIfPresent(String.self, forKey: key).flatMap { $0.isEmpty ? nil : $0 } } catch {}
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let text = try? decode(String.self, forKey: key) { return text.isEmpty ? nil : text }
        if let value = try? decode(Int.self, forKey: key) { return String(value) }
        throw DecodingError.typeMismatch(String.self, .init(codingPath: codingPath + [key], debugDescription: "expected a string or a number"))
    }

    /// Text that must be a string (a JSON number here is a client bug); `nil` when absent, null or empty.
    public func decodeText(forKey key: Key) throws -> String? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        return text.isEmpty ? nil : text
    }

    /// A required string, see ``decodeText(forKey:)``.
    public func requireText(forKey key: Key) throws -> String {
        guard let value = try decodeText(forKey: key) else { throw missing(key) }
        return value
    }

    /// A list of strings (not numbers); `nil` when absent, null or empty.
    public func decodeTexts(forKey key: Key) throws -> [String]? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode([String].self, forKey: key)
    }

    /// A required string, see ``decodeLenientString(forKey:)``.
    public func requireLenientString(forKey key: Key) throws -> String {
        guard let value = try decodeLenientString(forKey: key) else { throw missing(key) }
        return value
    }

    /// A wire enum given as a number or numeric string; unknown values fail naming the field.
    public func decodeWireEnum<E: WireEnum>(_ type: E.Type, forKey key: Key) throws -> E? {
        guard let raw = try decodeLenientInt(forKey: key) else { return nil }
        guard let value = E(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "\(raw) is not a known \(E.wireName) (\(E.allCases.map { String($0.rawValue) }.joined(separator: ", ")))"
            )
        }
        return value
    }

    /// A required wire enum, see ``decodeWireEnum(_:forKey:)``.
    public func requireWireEnum<E: WireEnum>(_ type: E.Type, forKey key: Key) throws -> E {
        guard let value = try decodeWireEnum(type, forKey: key) else { throw missing(key) }
        return value
    }

    /// A list of strings or numbers; `nil` when absent, null or empty (an empty SOAP element).
    public func decodeLenientStrings(forKey key: Key) throws -> [String]? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        var list = try nestedUnkeyedContainer(forKey: key)
        var values: [String] = []
        while !list.isAtEnd {
            do {
                values.append(try list.decode(String.self))
            } catch DecodingError.typeMismatch {
                guard let number = try? list.decode(Int.self) else {
                    throw DecodingError.typeMismatch(String.self, .init(codingPath: list.codingPath + [WireKey(intValue: list.currentIndex)!], debugDescription: "expected a string or a number"))
                }
                values.append(String(number))
            }
        }
        return values
    }

    /// A list of integers given as numbers or numeric strings.
    public func decodeLenientInts(forKey key: Key) throws -> [Int]? {
        guard let texts = try decodeLenientStrings(forKey: key) else { return nil }
        return try texts.enumerated().map { index, text in
            guard let value = Int(text.trimmedASCIIWhitespace) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key, WireKey(intValue: index)!], debugDescription: "'\(text)' is not an integer"))
            }
            return value
        }
    }

    /// A string-to-string map (`details`, `cfs`); `nil` when absent, null or empty. An entry whose value is null
    /// is not given (as any field), an empty string is an empty value.
    public func decodeStringMap(forKey key: Key) throws -> [String: String]? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        let map = try nestedContainer(keyedBy: WireKey.self, forKey: key)
        var values: [String: String] = [:]
        for entry in map.allKeys where try !map.decodeNil(forKey: entry) {
            values[entry.stringValue] = try map.decodeLenientString(forKey: entry) ?? ""
        }
        return values
    }

    func missing(_ key: Key) -> DecodingError {
        .keyNotFound(key, .init(codingPath: codingPath, debugDescription: "is required"))
    }
}

extension KeyedEncodingContainer {
    /// Writes a string map with its keys in sorted order, so that output is stable; no map is nothing, or a null
    /// when `nullable`.
    public mutating func encodeStringMap(_ map: [String: String]?, forKey key: Key, nullable: Bool = false) throws {
        guard let map else {
            if nullable { try encodeNil(forKey: key) }
            return
        }
        var nested = nestedContainer(keyedBy: WireKey.self, forKey: key)
        for name in map.keys.sorted() { try nested.encode(map[name], forKey: WireKey(name)) }
    }
}

/// The unknown-field rule of requests.
public enum WireFields {
    /// Checks the fields a request object does not define: ignored and listed when the decoder carries
    /// ``IgnoredFields`` (the mock's default, as the provider ignores them), refused otherwise (strict: a typo in a
    /// field name must not pass silently). A field whose value is null (or an empty SOAP element) is "not given",
    /// known or not. Several unknown fields are taken in name order, so that the same request always gets the
    /// same answer (a JSON object's keys reach the decoder in no fixed order).
    ///
    /// Only requests call this; replies ignore unknown fields so that clients survive a provider that adds one.
    /// A decoder that publishes its field names under ``Swift/CodingUserInfoKey/nodeAPIFieldNames`` is taken at
    /// its word; for others `allKeys` is used, which the standard library makes costly (a dynamic cast per key).
    /// Generic over the keys only, so that callers get a specialised copy: this runs for every object of every request.
    public static func checkUnknown<K: CodingKey & CaseIterable>(_ known: K.Type, in decoder: any Decoder) throws {
        // A name is known when the keys read it (`K(stringValue:)`, the synthesized switch): no list of the cases is
        // built and searched per field, which made this check a third of a `/sms/create` body's decoding.
        var unknown: [String] = []
        if let names = decoder.userInfo[.nodeAPIFieldNames] as? [String] {
            for name in names where K(stringValue: name) == nil { unknown.append(name) }
        } else {
            for key in try decoder.container(keyedBy: WireKey.self).allKeys where K(stringValue: key.stringValue) == nil { unknown.append(key.stringValue) }
        }
        guard !unknown.isEmpty else { return }
        let container = try decoder.container(keyedBy: WireKey.self)
        let given = Set(unknown).filter { (try? container.decodeNil(forKey: WireKey($0))) == false }.sorted()
        guard let first = given.first else { return }
        guard let ignored = decoder.userInfo[.nodeAPIIgnoredFields] as? IgnoredFields else {
            throw NodeAPIError.invalid(WirePath.render(decoder.codingPath + [WireKey(first)]), "unknown field")
        }
        for name in given { ignored.add(WirePath.render(decoder.codingPath + [WireKey(name)])) }
    }
}

extension CodingUserInfoKey {
    /// `[String]`: the names of the fields present at a decoder's level, in input order, for decoders
    /// that can list them cheaply (see ``WireFields/checkUnknown(_:in:)``).
    public static let nodeAPIFieldNames = CodingUserInfoKey(rawValue: "nodeAPI.fieldNames")!
}

extension StringProtocol {
    /// The text without leading and trailing ASCII spaces, tabs and line breaks (on UTF-8, not Characters: this is hot).
    public var trimmedASCIIWhitespace: String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let text = String(self)
        guard let first = text.utf8.first, let last = text.utf8.last else { return "" }
        if !isSpace(first), !isSpace(last) { return text }
        guard let start = text.utf8.firstIndex(where: { !isSpace($0) }), let end = text.utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }
}
