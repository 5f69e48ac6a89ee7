import EuromsgExpress

/// One end user's data in the Euromsg Express mock: lists, members (hidden ones retained), campaigns.
package struct ExpressAccount: Sendable, Codable {
    var apiKey: String
    var name: String
    var iysIntegrator: Bool
    var allowance: SendingAllowance
    package var lists: [Int: ListRecord] = [:]
    package var members: [Int: MemberRecord] = [:]
    /// Lower-cased e-mail → memberId, hidden members included (a re-added address gets its old record back).
    package var memberByEmail: [String: Int] = [:]
    package var campaigns: [Int: CampaignRecord] = [:]

    init(_ user: ExpressEndUser, now: Int64) {
        apiKey = user.apiKey
        name = user.name
        iysIntegrator = user.iysIntegrator
        allowance = user.allowance.allowance(now: now)
    }

    package struct ListRecord: Sendable, Codable {
        package var id: Int
        var name: String
        var createdAt: Int64
    }

    /// A member; deleting through the API only hides it (kept three years under KVKK, the document says).
    package struct MemberRecord: Sendable, Codable {
        var member: Member
        var updatedAt: Int64
        var hiddenAt: Int64?

        var isVisible: Bool { hiddenAt == nil }
    }

    /// A campaign and its messages, each with the instant it goes out.
    package struct CampaignRecord: Sendable, Codable {
        package var id: Int
        var name: String
        var subject: String
        var listIds: [Int]
        var createdAt: Int64
        /// When sending starts; nil for a draft.
        var scheduledAt: Int64?
        var failed: Bool
        var messages: [Message]
        /// Messages whose unsubscribes have been applied to the members.
        var settled = 0

        func status(at now: Int64, sendingMilliseconds: Int64) -> CampaignStatus {
            if failed { return .error }
            guard let start = scheduledAt else { return .draft }
            if now < start { return .pending }
            return now < start + sendingMilliseconds ? .onGoing : .sent
        }

        /// The messages out by `now`.
        /// One recipient's message: when it goes out, and its row in the report.
        struct Message: Sendable, Codable {
            var at: Int64
            var detail: ReportDetail
        }

        func delivered(by now: Int64) -> ArraySlice<Message> {
            messages.prefix { $0.at <= now }
        }
    }

    func list(_ id: Int) throws(ExpressError) -> ListRecord {
        guard let list = lists[id] else { throw ExpressError(.notFound, "no e-mail list \(id)") }
        return list
    }

    func visibleMember(_ id: Int) throws(ExpressError) -> MemberRecord {
        guard let record = members[id], record.isVisible else { throw ExpressError(.notFound, "no member \(id)") }
        return record
    }

    func memberCount(of list: Int) -> Int {
        members.values.count { $0.isVisible && $0.member.listIds.contains(list) }
    }

    func view(_ list: ListRecord) -> EmailList {
        EmailList(id: list.id, name: list.name, memberCount: memberCount(of: list.id), createdAt: ExpressClock.date(list.createdAt))
    }
}
