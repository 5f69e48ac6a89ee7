/// `POST /api/IYSConsent/ConsentQuery`: the brand's records, filtered, `limit` (at most 10 000) at a time.
/// `afterValue` is the position to continue from: leave it out for the first page, then send back the one
/// the previous reply gave. Positions only grow, so a page never repeats or skips a record when others are
/// added between calls.
public struct ConsentQueryRequest: Codable, Sendable, Hashable {
    public static let maxLimit = 10_000

    public var brandCode: String
    public var afterValue: Int?
    /// When the record reached MySoft: from `sendDate` to `sendDateEnd`.
    public var sendDate: IYSDateTime?
    public var sendDateEnd: IYSDateTime?
    public var consentDate: IYSDateTime?
    public var consentDateEnd: IYSDateTime?
    public var iysCreationDate: IYSDateTime?
    public var iysCreationDateEnd: IYSDateTime?
    public var type: [ConsentChannel]?
    public var recipientType: [RecipientType]?
    public var source: [ConsentSource]?
    public var status: [ConsentStatus]?
    public var mainSource: [MainSource]?
    public var limit: Int?

    public init(brandCode: String, afterValue: Int? = nil, limit: Int? = nil) {
        self.brandCode = brandCode
        self.afterValue = afterValue
        self.limit = limit
    }

    enum CodingKeys: String, CodingKey {
        case brandCode, afterValue, sendDate, sendDateEnd, consentDate, consentDateEnd, iysCreationDate, iysCreationDateEnd
        case type, recipientType, source, status, mainSource, limit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        brandCode = try container.decodeBrandCode(forKey: .brandCode)
        afterValue = try container.decodeIfPresent(Int.self, forKey: .afterValue)
        sendDate = try container.decodeIfPresent(IYSDateTime.self, forKey: .sendDate)
        sendDateEnd = try container.decodeIfPresent(IYSDateTime.self, forKey: .sendDateEnd)
        consentDate = try container.decodeIfPresent(IYSDateTime.self, forKey: .consentDate)
        consentDateEnd = try container.decodeIfPresent(IYSDateTime.self, forKey: .consentDateEnd)
        iysCreationDate = try container.decodeIfPresent(IYSDateTime.self, forKey: .iysCreationDate)
        iysCreationDateEnd = try container.decodeIfPresent(IYSDateTime.self, forKey: .iysCreationDateEnd)
        type = try container.decodeIfPresent([ConsentChannel].self, forKey: .type)
        recipientType = try container.decodeIfPresent([RecipientType].self, forKey: .recipientType)
        source = try container.decodeIfPresent([ConsentSource].self, forKey: .source)
        status = try container.decodeIfPresent([ConsentStatus].self, forKey: .status)
        mainSource = try container.decodeIfPresent([MainSource].self, forKey: .mainSource)
        limit = try container.decodeIfPresent(Int.self, forKey: .limit)
    }

    /// `HM422` for a limit outside 1–10 000, a negative `afterValue`, or a range that ends before it starts.
    public func validate() throws(IYSError) {
        if let limit, !(1...Self.maxLimit).contains(limit) { throw .invalid("limit", "must be between 1 and \(Self.maxLimit)") }
        if let afterValue, afterValue < 0 { throw .invalid("afterValue", "must not be negative") }
        for (name, start, end) in [("sendDate", sendDate, sendDateEnd), ("consentDate", consentDate, consentDateEnd), ("iysCreationDate", iysCreationDate, iysCreationDateEnd)] {
            if let start, let end, end < start { throw .invalid("\(name)End", "is before \(name)") }
        }
    }
}

/// The reply of `ConsentQuery`. `afterValue` is set when more records follow.
public struct ConsentQueryResult: Codable, Sendable, Hashable {
    public var brandCode: String
    public var afterValue: Int?
    public var recordCount: Int
    public var consentData: [ConsentRecord]

    public init(brandCode: String, afterValue: Int?, recordCount: Int, consentData: [ConsentRecord]) {
        self.brandCode = brandCode
        self.afterValue = afterValue
        self.recordCount = recordCount
        self.consentData = consentData
    }

    enum CodingKeys: String, CodingKey { case brandCode, afterValue, recordCount, consentData }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        brandCode = try container.decodeBrandCode(forKey: .brandCode)
        // The document types it as text in the reply and a number in the request.
        if let number = try? container.decodeIfPresent(Int.self, forKey: .afterValue) {
            afterValue = number
        } else {
            afterValue = try container.decodeIfPresent(String.self, forKey: .afterValue).flatMap { Int($0) }
        }
        recordCount = try container.decode(Int.self, forKey: .recordCount)
        consentData = try container.decodeIfPresent([ConsentRecord].self, forKey: .consentData) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(brandCode, forKey: .brandCode)
        if let afterValue { try container.encode(afterValue, forKey: .afterValue) } else { try container.encodeNil(forKey: .afterValue) }
        try container.encode(recordCount, forKey: .recordCount)
        try container.encode(consentData, forKey: .consentData)
    }
}
