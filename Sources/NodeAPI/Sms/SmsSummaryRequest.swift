/// `GET|POST /sms/summary`: totals over the packages sent in a range (all of them when none is given).
public struct SmsSummaryRequest: NodeAPIRequest {
    public typealias Reply = SmsSummary
    public static let operation = NodeAPIOperation.smsSummary

    public var startDate: WireDate?
    public var finishDate: WireDate?

    public init(startDate: WireDate? = nil, finishDate: WireDate? = nil) {
        self.startDate = startDate
        self.finishDate = finishDate
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case startDate, finishDate }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        startDate = try container.decodeDateIfPresent(forKey: .startDate)
        finishDate = try container.decodeDateIfPresent(forKey: .finishDate)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(startDate, forKey: .startDate)
        try container.encodeIfPresent(finishDate, forKey: .finishDate)
    }

    public func validate() throws(NodeAPIError) { try FieldRules.checkRange(start: startDate, finish: finishDate) }
}

/// The `/sms/summary` reply.
public struct SmsSummary: Sendable, Hashable, Codable {
    /// Segments by encoding × recipients.
    public var total: Int
    /// SMS known delivered.
    public var delivered: Int
    /// SMS known undelivered.
    public var undelivered: Int
    /// SMS handed to the operator with no final report yet.
    public var pending: Int
    /// Recipients.
    public var rCount: Int
    /// Credit reserved.
    public var credit: Int

    public init(total: Int, delivered: Int, undelivered: Int, pending: Int, rCount: Int, credit: Int) {
        self.total = total
        self.delivered = delivered
        self.undelivered = undelivered
        self.pending = pending
        self.rCount = rCount
        self.credit = credit
    }
}
