/// The fields of a contact shared by `/contact/create` and `/contact/update`.
public struct ContactFields: Sendable, Hashable {
    public var gsm: GSMNumber?
    public var firstName: String?
    public var lastName: String?
    public var groupUUIDs: [String]?
    public var isInBlacklist: Bool?
    /// Custom fields: names of ASCII capitals, digits and `_` (`GSM_2`, `BIRTH_DATE`, `EMAIL`…).
    public var details: [String: String]?
    public var iys: ContactIysSettings?

    public init(
        gsm: GSMNumber? = nil, firstName: String? = nil, lastName: String? = nil, groupUUIDs: [String]? = nil,
        isInBlacklist: Bool? = nil, details: [String: String]? = nil, iys: ContactIysSettings? = nil
    ) {
        self.gsm = gsm
        self.firstName = firstName
        self.lastName = lastName
        self.groupUUIDs = groupUUIDs
        self.isInBlacklist = isInBlacklist
        self.details = details
        self.iys = iys
    }

    /// Field names recognised by the provider; others are stored as given.
    public static let knownDetails: Set<String> = ["FIRST_NAME", "LAST_NAME", "BIRTH_DATE", "GSM_2", "GSM_3", "EMAIL"]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case uuid, gsm, firstName, lastName, groupUUIDs, isInBlacklist, details, iys
    }

    init(from container: KeyedDecodingContainer<CodingKeys>) throws {
        gsm = try container.decodeLenientString(forKey: .gsm).map { GSMNumber($0) }
        firstName = try container.decodeText(forKey: .firstName)
        lastName = try container.decodeText(forKey: .lastName)
        groupUUIDs = try container.decodeTexts(forKey: .groupUUIDs)
        isInBlacklist = try container.decodeLenientBool(forKey: .isInBlacklist)
        details = try container.decodeStringMap(forKey: .details)
        iys = try container.decodeObjectIfPresent(ContactIysSettings.self, forKey: .iys)
    }

    func encode(into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encodeIfPresent(gsm, forKey: .gsm)
        try container.encodeIfPresent(firstName, forKey: .firstName)
        try container.encodeIfPresent(lastName, forKey: .lastName)
        try container.encodeIfPresent(groupUUIDs, forKey: .groupUUIDs)
        try container.encodeIfPresent(isInBlacklist, forKey: .isInBlacklist)
        try container.encodeStringMap(details, forKey: .details)
        try container.encodeIfPresent(iys, forKey: .iys)
    }

    func validate() throws(NodeAPIError) {
        if let gsm { try FieldRules.checkNumber(gsm, "gsm") }
        try FieldRules.checkLength(firstName, "firstName", limit: FieldRules.titleLength)
        try FieldRules.checkLength(lastName, "lastName", limit: FieldRules.titleLength)
        if let details, details.count > FieldRules.detailCount { throw .invalid("details", "may hold at most \(FieldRules.detailCount) fields") }
        for (name, value) in details ?? [:] {
            try FieldRules.checkLength(name, "details", limit: FieldRules.titleLength)
            try FieldRules.checkLength(value, "details.\(name)", limit: FieldRules.detailLength)
        }
        for name in (details ?? [:]).keys.sorted() {
            let allowed = !name.isEmpty && name.utf8.allSatisfy {
                ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
                    || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_")
            }
            if !allowed { throw .invalid("details.\(name)", "custom field names take only ASCII letters, digits and '_'") }
        }
    }
}

/// The `iys` object of a contact request, with the document's keys: `c` (recipient type), `spc` (source type),
/// `send`. `rt` and `src`, which an earlier reading of the OCR'd document guessed, are read as aliases.
public struct ContactIysSettings: Sendable, Hashable, Codable {
    /// İYS recipient type (`c`).
    public var recipientType: IysRecipientType?
    /// İYS consent source (`spc`).
    public var source: IysSourceType?
    /// Sync the contact with İYS again (on update; a first record is sent whatever this says).
    public var send: Bool?
    /// Also query the call consent (informational only).
    public var queryCall: Bool?
    /// Also query the e-mail consent (needs an `EMAIL` detail).
    public var queryEmail: Bool?

    public init(
        recipientType: IysRecipientType? = nil, source: IysSourceType? = nil, send: Bool? = nil, queryCall: Bool? = nil, queryEmail: Bool? = nil
    ) {
        self.recipientType = recipientType
        self.source = source
        self.send = send
        self.queryCall = queryCall
        self.queryEmail = queryEmail
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case c, spc, send, queryCall, queryEmail, rt, src }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        recipientType = try container.decodeWireEnum(IysRecipientType.self, forKey: .c) ?? container.decodeWireEnum(IysRecipientType.self, forKey: .rt)
        source = try container.decodeWireEnum(IysSourceType.self, forKey: .spc) ?? container.decodeWireEnum(IysSourceType.self, forKey: .src)
        send = try container.decodeLenientBool(forKey: .send)
        queryCall = try container.decodeLenientBool(forKey: .queryCall)
        queryEmail = try container.decodeLenientBool(forKey: .queryEmail)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(recipientType, forKey: .c)
        try container.encodeIfPresent(source, forKey: .spc)
        try container.encodeIfPresent(send, forKey: .send)
        try container.encodeIfPresent(queryCall, forKey: .queryCall)
        try container.encodeIfPresent(queryEmail, forKey: .queryEmail)
    }

    /// `HS_KARAR` on a contact's first İYS record (its creation, or an update of a contact that has none).
    public static let firstRecordKarar = NodeAPIError.invalid("iys.spc", "HS_KARAR cannot be the source of a first consent record")
}
