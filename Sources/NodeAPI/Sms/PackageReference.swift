/// Which package a call is about: exactly one of its id, its uuid or its `customID`.
public enum PackageReference: Sendable, Hashable {
    case id(Int)
    case uuid(String)
    case customID(String)

    /// Decodes exactly one of `idKey`, `uuid` and (when allowed) `customID`; none or several is an error naming them.
    static func decode<K: CodingKey>(
        from container: KeyedDecodingContainer<K>, idKey: K, uuidKey: K, customIDKey: K?
    ) throws -> PackageReference {
        var found: [PackageReference] = []
        if let id = try container.decodeLenientInt(forKey: idKey) { found.append(.id(id)) }
        if let uuid = try container.decodeText(forKey: uuidKey) { found.append(.uuid(uuid)) }
        if let customIDKey, let customID = try container.decodeText(forKey: customIDKey) { found.append(.customID(customID)) }
        let names = [idKey.stringValue, uuidKey.stringValue] + (customIDKey.map { [$0.stringValue] } ?? [])
        guard found.count == 1, let reference = found.first else {
            let list = names.joined(separator: ", ")
            throw NodeAPIError.invalid(names.joined(separator: "|"), found.isEmpty ? "one of \(list) is required" : "give only one of \(list)")
        }
        return reference
    }

    func encode<K: CodingKey>(into container: inout KeyedEncodingContainer<K>, idKey: K, uuidKey: K, customIDKey: K?) throws {
        switch self {
        case .id(let id): try container.encode(id, forKey: idKey)
        case .uuid(let uuid): try container.encode(uuid, forKey: uuidKey)
        case .customID(let customID):
            guard let customIDKey else { throw NodeAPIError.invalid("customID", "is not accepted here") }
            try container.encode(customID, forKey: customIDKey)
        }
    }

    func validate() throws(NodeAPIError) {
        switch self {
        case .id(let id): if id <= 0 { throw .invalid("id", "must be a positive package id") }
        case .uuid(let uuid): try FieldRules.checkNotEmpty(uuid, "uuid")
        case .customID(let customID): try FieldRules.checkCustomID(customID)
        }
    }
}
