/// The envelope of every Node API reply: `{"err": null, "data": {...}}` on success,
/// `{"err": {...}, "data": null}` on failure; in SOAP, `<result><err/><data>…</data></result>`.
public enum NodeAPIReply<Payload: Codable & Sendable & Hashable>: Sendable, Hashable, Codable {
    case success(Payload)
    case failure(NodeAPIError)

    enum CodingKeys: String, CodingKey { case err, data }

    /// The payload, or the provider's error thrown.
    public func get() throws(NodeAPIError) -> Payload {
        switch self {
        case .success(let payload): return payload
        case .failure(let error): throw error
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.containsValue(.err) {
            self = .failure(try container.decode(NodeAPIError.self, forKey: .err))
        } else if let payload = try Self.decodePayload(container) {
            self = .success(payload)
        } else {
            throw DecodingError.keyNotFound(CodingKeys.data, .init(codingPath: container.codingPath, debugDescription: "a reply needs err or data"))
        }
    }

    private static func decodePayload(_ container: KeyedDecodingContainer<CodingKeys>) throws -> Payload? {
        if container.containsValue(.data) { return try container.decode(Payload.self, forKey: .data) }
        // A reply whose payload has no required field may come as an empty `<data/>`.
        guard container.contains(.data) else { return nil }
        return try? container.decode(Payload.self, forKey: .data)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .success(let payload):
            try container.encodeNil(forKey: .err)
            try container.encode(payload, forKey: .data)
        case .failure(let error):
            try container.encode(error, forKey: .err)
            try container.encodeNil(forKey: .data)
        }
    }
}
