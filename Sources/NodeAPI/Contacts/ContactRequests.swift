/// `POST /contact/create`: adds a contact to the address book and replies with it; with `uuid`, updates that contact
/// as `/contact/update` does and replies with a status, as the document says.
public struct CreateContactRequest: NodeAPIRequest {
    public typealias Reply = SavedReply<Contact>
    public static let operation = NodeAPIOperation.createContact

    /// The contact to update instead; nil to add one.
    public var uuid: String?
    public var contact: ContactFields

    public init(uuid: String? = nil, contact: ContactFields) {
        self.uuid = uuid
        self.contact = contact
    }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(ContactFields.CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: ContactFields.CodingKeys.self)
        uuid = try container.decodeText(forKey: .uuid)
        contact = try ContactFields(from: container)
        if uuid == nil, contact.gsm == nil { throw container.missing(.gsm) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ContactFields.CodingKeys.self)
        try container.encodeIfPresent(uuid, forKey: .uuid)
        try contact.encode(into: &container)
    }

    /// `gsm` is required to add a contact; a first İYS record cannot have `HS_KARAR` as its source (the document:
    /// "ilk izin ekleme işleminde HS_KARAR kaynak değerini kullanamamaktadır"), whatever `send` says.
    public func validate() throws(NodeAPIError) {
        if let uuid { try FieldRules.checkNotEmpty(uuid, "uuid") }
        if uuid == nil {
            if contact.gsm == nil { throw .invalid("gsm", "is required") }
            if contact.iys?.source == .hsKarar { throw ContactIysSettings.firstRecordKarar }
        }
        try contact.validate()
    }
}

/// `POST /contact/update`: changes the contact with `uuid`; replies with a status.
public struct UpdateContactRequest: NodeAPIRequest {
    public typealias Reply = StatusReply
    public static let operation = NodeAPIOperation.updateContact

    public var uuid: String
    public var contact: ContactFields

    public init(uuid: String, contact: ContactFields) {
        self.uuid = uuid
        self.contact = contact
    }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(ContactFields.CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: ContactFields.CodingKeys.self)
        uuid = try container.requireText(forKey: .uuid)
        contact = try ContactFields(from: container)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ContactFields.CodingKeys.self)
        try container.encode(uuid, forKey: .uuid)
        try contact.encode(into: &container)
    }

    public func validate() throws(NodeAPIError) {
        try FieldRules.checkNotEmpty(uuid, "uuid")
        try contact.validate()
    }
}

/// `POST /contact/delete`: archives (or with `permanent: 1` deletes) contacts, optionally only those in a group.
public struct DeleteContactsRequest: NodeAPIRequest {
    public typealias Reply = StatusReply
    public static let operation = NodeAPIOperation.deleteContacts

    public var uuids: [String]
    /// 0 archives, 1 deletes for good.
    public var permanent: Int
    public var groupUUID: String?

    public init(uuids: [String], permanent: Int = 0, groupUUID: String? = nil) {
        self.uuids = uuids
        self.permanent = permanent
        self.groupUUID = groupUUID
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case uuids, permanent, groupUUID }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let uuids = try container.decodeTexts(forKey: .uuids) else { throw container.missing(.uuids) }
        self.uuids = uuids
        permanent = try container.requireLenientInt(forKey: .permanent)
        groupUUID = try container.decodeText(forKey: .groupUUID)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uuids, forKey: .uuids)
        try container.encode(permanent, forKey: .permanent)
        try container.encodeIfPresent(groupUUID, forKey: .groupUUID)
    }

    public func validate() throws(NodeAPIError) {
        if uuids.isEmpty { throw .invalid("uuids", "must not be empty") }
        try FieldRules.checkListLimit(uuids.count, "uuids")
        if permanent != 0 && permanent != 1 { throw .invalid("permanent", "must be 0 or 1") }
    }
}

/// `POST /contact/import`: imports contacts from CSV, asynchronously.
public struct ImportContactsRequest: NodeAPIRequest {
    public typealias Reply = StatusReply
    public static let operation = NodeAPIOperation.importContacts

    /// Rows of single-quoted values; the first row names the columns.
    public var csvData: String
    /// Column names in CSV order (`gsm`, `first_name`, `group_name`, custom fields).
    public var columns: [String]
    public var overwrite: Bool?
    public var isInBlacklist: Bool?
    public var groupUUIDs: [String]?

    public init(csvData: String, columns: [String], overwrite: Bool? = nil, isInBlacklist: Bool? = nil, groupUUIDs: [String]? = nil) {
        self.csvData = csvData
        self.columns = columns
        self.overwrite = overwrite
        self.isInBlacklist = isInBlacklist
        self.groupUUIDs = groupUUIDs
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case csvData, columns, overwrite, isInBlacklist, groupUUIDs }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        csvData = try container.requireText(forKey: .csvData)
        guard let columns = try container.decodeTexts(forKey: .columns) else { throw container.missing(.columns) }
        self.columns = columns
        overwrite = try container.decodeLenientBool(forKey: .overwrite)
        isInBlacklist = try container.decodeLenientBool(forKey: .isInBlacklist)
        groupUUIDs = try container.decodeTexts(forKey: .groupUUIDs)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(csvData, forKey: .csvData)
        try container.encode(columns, forKey: .columns)
        try container.encodeIfPresent(overwrite, forKey: .overwrite)
        try container.encodeIfPresent(isInBlacklist, forKey: .isInBlacklist)
        try container.encodeIfPresent(groupUUIDs, forKey: .groupUUIDs)
    }

    public func validate() throws(NodeAPIError) {
        try FieldRules.checkNotEmpty(csvData, "csvData")
        if columns.isEmpty { throw .invalid("columns", "must not be empty") }
        if !columns.contains(where: { $0.uppercased() == "GSM" }) { throw .invalid("columns", "must name the gsm column") }
    }
}

/// `GET|POST /contact/list`: contacts, filtered and paged.
public struct ListContactsRequest: NodeAPIRequest {
    public typealias Reply = Page<Contact>
    public static let operation = NodeAPIOperation.listContacts

    public var status: ContactFilter?
    public var iysState: IysState?
    public var exitType: ExitType?
    public var groupUUID: String?
    public var paging: Paging

    public init(status: ContactFilter? = nil, iysState: IysState? = nil, exitType: ExitType? = nil, groupUUID: String? = nil, paging: Paging = Paging()) {
        self.status = status
        self.iysState = iysState
        self.exitType = exitType
        self.groupUUID = groupUUID
        self.paging = paging
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case status, iysState, exitType, groupUUID, pageIndex, pageSize }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decodeWireEnum(ContactFilter.self, forKey: .status)
        iysState = try container.decodeWireEnum(IysState.self, forKey: .iysState)
        exitType = try container.decodeWireEnum(ExitType.self, forKey: .exitType)
        groupUUID = try container.decodeText(forKey: .groupUUID)
        paging = try Paging(from: container, index: .pageIndex, size: .pageSize)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(iysState, forKey: .iysState)
        try container.encodeIfPresent(exitType, forKey: .exitType)
        try container.encodeIfPresent(groupUUID, forKey: .groupUUID)
        try paging.encode(into: &container, index: .pageIndex, size: .pageSize)
    }

    public func validate() throws(NodeAPIError) { try paging.validate() }
}

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
