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
