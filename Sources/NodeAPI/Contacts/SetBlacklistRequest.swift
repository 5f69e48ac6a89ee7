/// `POST /contact/set-blacklist`: sets the blacklist state of contacts by uuid or number (at most
/// 1000 in all, else `SMS43`); unknown numbers are added. One invalid number fails the whole request
/// unless `returnInvalids`, which skips them and lists them in the reply.
public struct SetBlacklistRequest: NodeAPIRequest {
    public typealias Reply = BlacklistReply
    public static let operation = NodeAPIOperation.setBlacklist

    public var status: Bool
    public var uuids: [String]?
    public var gsms: [GSMNumber]?
    public var returnInvalids: Bool?

    public init(status: Bool, uuids: [String]? = nil, gsms: [GSMNumber]? = nil, returnInvalids: Bool? = nil) {
        self.status = status
        self.uuids = uuids
        self.gsms = gsms
        self.returnInvalids = returnInvalids
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case status, uuids, gsms, returnInvalids }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let status = try container.decodeLenientBool(forKey: .status) else { throw container.missing(.status) }
        self.status = status
        uuids = try container.decodeTexts(forKey: .uuids)
        gsms = try container.decodeLenientStrings(forKey: .gsms)?.map { GSMNumber($0.trimmedASCIIWhitespace) }
        returnInvalids = try container.decodeLenientBool(forKey: .returnInvalids)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(uuids, forKey: .uuids)
        try container.encodeIfPresent(gsms, forKey: .gsms)
        try container.encodeIfPresent(returnInvalids, forKey: .returnInvalids)
    }

    public func validate() throws(NodeAPIError) {
        let count = (uuids?.count ?? 0) + (gsms?.count ?? 0)
        if count == 0 { throw .invalid("uuids|gsms", "one of uuids or gsms is required") }
        try FieldRules.checkListLimit(count, "uuids + gsms")
        if returnInvalids != true {
            for (index, gsm) in (gsms ?? []).enumerated() { try FieldRules.checkNumber(gsm, "gsms[\(index)]") }
        }
    }
}

/// The `/contact/set-blacklist` reply: `{"status": 1}`, and with `returnInvalids` the skipped numbers.
public struct BlacklistReply: Sendable, Hashable, Codable {
    public var status: Int
    /// Numbers skipped as invalid (only with `returnInvalids`); the document does not show the field, this name is a decision.
    public var invalids: [String]?

    public init(status: Int = 1, invalids: [String]? = nil) {
        self.status = status
        self.invalids = invalids
    }
}
