import Foundation

/// An end user's e-mail list in Euromsg Express.
public struct EmailList: Codable, Sendable, Hashable {
    public var id: Int
    public var name: String
    /// Visible members in the list.
    public var memberCount: Int
    public var createdAt: ExpressDateTime

    public init(id: Int, name: String, memberCount: Int, createdAt: ExpressDateTime) {
        self.id = id
        self.name = name
        self.memberCount = memberCount
        self.createdAt = createdAt
    }
}

/// `POST /email-list` and `PATCH /email-list/{id}`: the list's name, 1 to 100 characters.
public struct EmailListName: Codable, Sendable, Hashable {
    public var name: String

    public init(name: String) { self.name = name }

    /// Trimmed, 1 to 100 characters.
    public func validated() throws(ExpressError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalid("name", "is empty") }
        guard trimmed.count <= 100 else { throw .invalid("name", "is longer than 100 characters") }
        return trimmed
    }
}

/// A page of results: `GET /member` by list and `GET /campaign-report-detail`.
public struct ExpressPage<Item: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var items: [Item]
    /// 1-based.
    public var page: Int
    public var pageSize: Int
    public var totalCount: Int

    public init(items: [Item], page: Int, pageSize: Int, totalCount: Int) {
        self.items = items
        self.page = page
        self.pageSize = pageSize
        self.totalCount = totalCount
    }
}
