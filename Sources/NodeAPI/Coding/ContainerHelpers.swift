extension KeyedDecodingContainer {
    /// Whether the key is there with a value (not null, not an empty SOAP element).
    public func containsValue(_ key: Key) -> Bool {
        contains(key) && (try? decodeNil(forKey: key)) == false
    }

    /// A nested object, or `nil` when absent, null or an empty SOAP element.
    public func decodeObjectIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard containsValue(key) else { return nil }
        return try decode(type, forKey: key)
    }

    /// A date in any of the Node API's styles, or `nil` when absent or empty.
    public func decodeDateIfPresent(forKey key: Key) throws -> WireDate? {
        guard let text = try decodeLenientString(forKey: key) else { return nil }
        guard let date = WireDate(text.trimmedASCIIWhitespace) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "'\(text)' is not a date (\(WireDate.pattern(.minutes)))"
            )
        }
        return date
    }
}

extension KeyedEncodingContainer {
    /// The value, or an explicit null (an empty SOAP element) when there is none: for the reply keys the document
    /// prints as `null`, which clients read without checking that they are there (`$item['error']`).
    public mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
