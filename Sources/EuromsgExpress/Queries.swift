/// Query-string parameters of the `GET` calls, read strictly: a parameter of the wrong form is a
/// `VALIDATION_ERROR` naming it, never ignored.
public struct QueryParameters: Sendable {
    let values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    public func string(_ name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }

    public func int(_ name: String) throws(ExpressError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else { throw .invalid(name, "'\(text)' is not a number") }
        return value
    }

    public func bool(_ name: String) throws(ExpressError) -> Bool? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .invalid(name, "'\(text)' is not true or false")
        }
    }

    public func constant<Value: WireConstant>(_ name: String, _ type: Value.Type) throws(ExpressError) -> Value? {
        guard let text = string(name) else { return nil }
        guard let value = Value(rawValue: text) ?? Value.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            throw .invalid(name, "'\(text)' is not one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    public func date(_ name: String) throws(ExpressError) -> ExpressDateTime? {
        guard let text = string(name) else { return nil }
        guard let value = ExpressDateTime(text) else { throw .invalid(name, "'\(text)' is not a date in the form yyyy-MM-ddTHH:mm:ss+03:00") }
        return value
    }

    /// `page` (from 1) and `pageSize` (1 to 1000, 100 when absent).
    public func paging() throws(ExpressError) -> ExpressPaging {
        let page = try int("page") ?? 1
        let size = try int("pageSize") ?? 100
        guard (1...ExpressPaging.maxPage).contains(page) else { throw .invalid("page", "must be between 1 and \(ExpressPaging.maxPage)") }
        guard (1...1000).contains(size) else { throw .invalid("pageSize", "must be between 1 and 1000") }
        return ExpressPaging(page: page, pageSize: size)
    }
}

/// The string constants `QueryParameters.constant` reads.
public typealias WireConstant = RawRepresentable<String> & CaseIterable

/// Which page of a result to return.
public struct ExpressPaging: Sendable, Hashable {
    public var page: Int
    public var pageSize: Int

    public init(page: Int = 1, pageSize: Int = 100) {
        self.page = page
        self.pageSize = pageSize
    }

    /// Highest `page` accepted: far past any list the mock keeps, and low enough that the offset never overflows.
    public static let maxPage = 10_000_000

    /// The page of `items`, with the total count; empty past the end. Checked arithmetic, so that a paging built in
    /// code, not read by ``QueryParameters/paging()``, cannot overflow either.
    public func slice<Item>(_ items: [Item]) -> ExpressPage<Item> {
        let size = max(pageSize, 0)
        let (offset, overflow) = (page > 0 ? page - 1 : 0).multipliedReportingOverflow(by: size)
        let start = overflow ? items.count : min(offset, items.count)
        let end = start + min(size, items.count - start)
        return ExpressPage(items: Array(items[start..<end]), page: page, pageSize: pageSize, totalCount: items.count)
    }
}

/// `GET /member`: the members of a list (paged, optionally only those changed since a date, for the nightly
/// sync the document describes), or one member by e-mail.
public struct MemberQuery: Sendable, Hashable {
    public enum Selection: Sendable, Hashable {
        case list(Int, updatedAfter: ExpressDateTime?, ExpressPaging)
        case email(String)
    }

    public var selection: Selection

    public init(_ selection: Selection) { self.selection = selection }

    public init(_ query: QueryParameters) throws(ExpressError) {
        if let email = query.string("email") {
            selection = .email(email)
        } else if let list = try query.int("listId") {
            selection = .list(list, updatedAfter: try query.date("updatedAfter"), try query.paging())
        } else {
            throw .invalid("listId", "listId or email is required")
        }
    }
}

/// `GET /campaign`: campaigns by id, name (contains, Turkish case-insensitive) and status.
public struct CampaignQuery: Sendable, Hashable {
    public var id: Int?
    public var name: String?
    public var status: CampaignStatus?

    public init(id: Int? = nil, name: String? = nil, status: CampaignStatus? = nil) {
        self.id = id
        self.name = name
        self.status = status
    }

    public init(_ query: QueryParameters) throws(ExpressError) {
        self.init(id: try query.int("id"), name: query.string("name"), status: try query.constant("status", CampaignStatus.self))
    }
}

/// `GET /campaign-report` and `GET /campaign-report-detail`: a campaign's messages, filtered by list,
/// e-mail, delivery status, opened, clicked and spam; the detail is paged.
public struct ReportQuery: Sendable, Hashable {
    public var campaignId: Int
    public var listId: Int?
    public var email: String?
    public var status: DeliveryStatus?
    public var opened: Bool?
    public var clicked: Bool?
    public var spam: Bool?
    public var paging: ExpressPaging

    public init(
        campaignId: Int, listId: Int? = nil, email: String? = nil, status: DeliveryStatus? = nil,
        opened: Bool? = nil, clicked: Bool? = nil, spam: Bool? = nil, paging: ExpressPaging = ExpressPaging()
    ) {
        self.campaignId = campaignId
        self.listId = listId
        self.email = email
        self.status = status
        self.opened = opened
        self.clicked = clicked
        self.spam = spam
        self.paging = paging
    }

    public init(_ query: QueryParameters) throws(ExpressError) {
        guard let campaign = try query.int("campaignId") else { throw .invalid("campaignId", "is required") }
        self.init(
            campaignId: campaign, listId: try query.int("listId"), email: query.string("email"),
            status: try query.constant("status", DeliveryStatus.self), opened: try query.bool("opened"),
            clicked: try query.bool("clicked"), spam: try query.bool("spam"), paging: try query.paging()
        )
    }

    /// Whether a message passes every filter given.
    public func matches(_ row: ReportDetail) -> Bool {
        if let listId, row.listId != listId { return false }
        if let email, EmailAddress.key(row.email) != EmailAddress.key(email) { return false }
        if let status, row.status != status { return false }
        if let opened, row.opened != opened { return false }
        if let clicked, row.clicked != clicked { return false }
        if let spam, row.spam != spam { return false }
        return true
    }
}
