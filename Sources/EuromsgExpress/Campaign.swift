import MySoftIYS

/// A campaign the end user sent (or is preparing) in the Euromsg Express panel; campaigns are not sent
/// through this API, only queried.
public struct Campaign: Codable, Sendable, Hashable {
    public var id: Int
    public var name: String
    public var subject: String
    public var status: CampaignStatus
    public var listIds: [Int]
    /// When sending starts (or started); absent for drafts.
    public var scheduledAt: ExpressDateTime?
    /// When the last message went out, once `Sent`.
    public var sentAt: ExpressDateTime?
    /// Recipients chosen when the campaign was sent (subscribed members of its lists).
    public var recipientCount: Int
    public var createdAt: ExpressDateTime

    public init(
        id: Int, name: String, subject: String, status: CampaignStatus, listIds: [Int], scheduledAt: ExpressDateTime?,
        sentAt: ExpressDateTime?, recipientCount: Int, createdAt: ExpressDateTime
    ) {
        self.id = id
        self.name = name
        self.subject = subject
        self.status = status
        self.listIds = listIds
        self.scheduledAt = scheduledAt
        self.sentAt = sentAt
        self.recipientCount = recipientCount
        self.createdAt = createdAt
    }
}

/// A campaign's status, as the document lists them.
public enum CampaignStatus: String, IYSWireEnum {
    case draft = "Draft"
    case pending = "Pending"
    case sent = "Sent"
    case onGoing = "OnGoing"
    case error = "Error"
}

/// What happened to one message of a campaign.
public enum DeliveryStatus: String, IYSWireEnum {
    case sent = "Sent"
    case hardBounced = "HardBounced"
    case softBounced = "SoftBounced"
}

/// `GET /campaign-report`: the campaign's totals, and the same per list.
public struct CampaignReport: Codable, Sendable, Hashable {
    public var campaignId: Int
    public var campaignName: String
    public var status: CampaignStatus
    public var totals: ReportTotals
    public var lists: [ListReport]

    public init(campaignId: Int, campaignName: String, status: CampaignStatus, totals: ReportTotals, lists: [ListReport]) {
        self.campaignId = campaignId
        self.campaignName = campaignName
        self.status = status
        self.totals = totals
        self.lists = lists
    }
}

/// Counts of a campaign's messages so far.
public struct ReportTotals: Codable, Sendable, Hashable {
    public var recipients = 0
    public var sent = 0
    public var hardBounced = 0
    public var softBounced = 0
    public var opened = 0
    public var clicked = 0
    public var spam = 0
    public var unsubscribed = 0

    public init() {}

    /// Adds one message's outcome.
    public mutating func count(_ row: ReportDetail) {
        recipients += 1
        switch row.status {
        case .sent: sent += 1
        case .hardBounced: hardBounced += 1
        case .softBounced: softBounced += 1
        }
        if row.opened { opened += 1 }
        if row.clicked { clicked += 1 }
        if row.spam { spam += 1 }
        if row.unsubscribed { unsubscribed += 1 }
    }
}

/// One list's share of a campaign report.
public struct ListReport: Codable, Sendable, Hashable {
    public var listId: Int
    public var listName: String
    public var totals: ReportTotals

    public init(listId: Int, listName: String, totals: ReportTotals) {
        self.listId = listId
        self.listName = listName
        self.totals = totals
    }
}

/// `GET /campaign-report-detail`: one member's message of a campaign.
public struct ReportDetail: Codable, Sendable, Hashable {
    public var memberId: Int
    public var email: String
    public var listId: Int
    public var status: DeliveryStatus
    public var sentAt: ExpressDateTime
    public var opened: Bool
    public var clicked: Bool
    public var spam: Bool
    public var unsubscribed: Bool

    public init(
        memberId: Int, email: String, listId: Int, status: DeliveryStatus, sentAt: ExpressDateTime,
        opened: Bool = false, clicked: Bool = false, spam: Bool = false, unsubscribed: Bool = false
    ) {
        self.memberId = memberId
        self.email = email
        self.listId = listId
        self.status = status
        self.sentAt = sentAt
        self.opened = opened
        self.clicked = clicked
        self.spam = spam
        self.unsubscribed = unsubscribed
    }
}
