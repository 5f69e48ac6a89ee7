import EuromsgExpress

extension ExpressState {
    /// The mock's `POST /mock/euromsg/campaign`: a campaign sent from the panel, to its lists' subscribed members,
    /// starting after `startsInSeconds`. It uses one send per recipient; without enough sends it is refused.
    package mutating func sendCampaign(_ request: MockCampaignRequest, now: Int64) throws(ExpressError) -> Campaign {
        let sendingMilliseconds = sendingMilliseconds
        let delay = request.startsInSeconds ?? 0
        guard MockCampaignRequest.startsInSecondsRange.contains(delay) else {
            throw .invalid("startsInSeconds", "must be between 0 and \(Int(MockCampaignRequest.startsInSecondsRange.upperBound))")
        }
        let id = ids.campaign
        let campaign = try withAccount(request.apiKey, now: now) { (account: inout ExpressAccount, now: Int64) throws(ExpressError) in
            for listId in request.listIds { _ = try account.list(listId) }
            if request.listIds.isEmpty { throw .invalid("listIds", "at least one list is required") }
            try Self.requireSendingRights(account, now: now)
            let start = now + Int64(delay * 1000)
            let record = Self.makeCampaign(
                id: id, name: request.name, subject: request.subject, listIds: request.listIds, in: account, createdAt: now, start: start,
                sendingMilliseconds: sendingMilliseconds
            )
            guard account.allowance.consume(record.messages.count, at: now) else {
                throw ExpressError(.noSendingRights, "\(record.messages.count) recipients but \(account.allowance.remaining(at: now)) sends left")
            }
            account.campaigns[id] = record
            return Self.view(record, now: now, sendingMilliseconds: sendingMilliseconds)
        }
        ids.campaign += 1
        return campaign
    }

    // MARK: Building and settling

    /// A campaign to the subscribed members of `listIds` as they are now; messages spread over the sending time.
    static func makeCampaign(
        id: Int, name: String, subject: String, listIds: [Int], in account: ExpressAccount, createdAt: Int64, start: Int64?, sendingMilliseconds: Int64
    ) -> ExpressAccount.CampaignRecord {
        var recipients: [(member: Member, listId: Int)] = []
        var seen = Set<Int>()
        for listId in listIds {
            let members = account.members.values
                .filter { $0.isVisible && $0.member.status == .subscribed && $0.member.listIds.contains(listId) }
                .map(\.member).sorted { $0.memberId < $1.memberId }
            for member in members where seen.insert(member.memberId).inserted { recipients.append((member, listId)) }
        }
        var messages: [ExpressAccount.CampaignRecord.Message] = []
        if let start {
            let step = recipients.isEmpty ? 0 : sendingMilliseconds / Int64(recipients.count)
            for (index, recipient) in recipients.enumerated() {
                let at = start + step * Int64(index)
                let outcome = CampaignOutcomes.outcome(for: recipient.member.email)
                messages.append(.init(at: at, detail: ReportDetail(
                    memberId: recipient.member.memberId, email: recipient.member.email, listId: recipient.listId, status: outcome.status,
                    sentAt: ExpressClock.date(at), opened: outcome.opened, clicked: outcome.clicked, spam: outcome.spam, unsubscribed: outcome.unsubscribed
                )))
            }
        }
        return ExpressAccount.CampaignRecord(
            id: id, name: name, subject: subject, listIds: listIds, createdAt: createdAt, scheduledAt: start, failed: false, messages: messages
        )
    }

    /// Applies the unsubscribes of messages out by `now` to the members: they show at once, as the document says.
    static func settle(_ account: inout ExpressAccount, now: Int64) {
        for (id, var campaign) in account.campaigns where campaign.settled < campaign.messages.count {
            let out = campaign.delivered(by: now).count
            guard out > campaign.settled else { continue }
            for message in campaign.messages[campaign.settled..<out] where message.detail.unsubscribed {
                guard var record = account.members[message.detail.memberId] else { continue }
                record.member.status = .unsubscribed
                record.updatedAt = message.at
                record.member.updatedAt = ExpressClock.date(message.at)
                account.members[record.member.memberId] = record
            }
            campaign.settled = out
            account.campaigns[id] = campaign
        }
    }

    static func view(_ record: ExpressAccount.CampaignRecord, now: Int64, sendingMilliseconds: Int64) -> Campaign {
        let status = record.status(at: now, sendingMilliseconds: sendingMilliseconds)
        return Campaign(
            id: record.id, name: record.name, subject: record.subject, status: status, listIds: record.listIds,
            scheduledAt: record.scheduledAt.map(ExpressClock.date),
            sentAt: status == .sent ? record.scheduledAt.map { ExpressClock.date($0 + sendingMilliseconds) } : nil,
            recipientCount: record.messages.count, createdAt: ExpressClock.date(record.createdAt)
        )
    }

    static func campaign(_ id: Int, in account: ExpressAccount) throws(ExpressError) -> ExpressAccount.CampaignRecord {
        guard let campaign = account.campaigns[id] else { throw ExpressError(.notFound, "no campaign \(id)") }
        return campaign
    }

    // MARK: Seeds

    /// The end user's lists, members and campaigns from the scenario, made a week before `now` (campaigns at their own times).
    static func seed(_ user: ExpressEndUser, into account: inout ExpressAccount, ids: inout IdCounters, now: Int64, sendingMilliseconds: Int64) {
        let weekAgo = now - 7 * 86_400_000
        var listIds: [String: Int] = [:]
        for list in user.lists {
            let listId = ids.next(\.list)
            listIds[list.name] = listId
            account.lists[listId] = ExpressAccount.ListRecord(id: listId, name: list.name, createdAt: weekAgo)
            for request in list.members {
                let key = EmailAddress.key(request.email)
                if let existing = account.memberByEmail[key] {
                    account.members[existing]?.member.listIds.append(listId)
                    continue
                }
                let date = ExpressClock.date(weekAgo)
                let memberId = ids.next(\.member)
                var member = Member(
                    memberId: memberId, email: request.email, firstName: request.firstName, lastName: request.lastName,
                    phone: request.phone, listIds: [listId], iys: request.iys, createdAt: date, updatedAt: date
                )
                if list.unsubscribed.contains(where: { EmailAddress.key($0) == key }) { member.status = .unsubscribed }
                account.members[memberId] = ExpressAccount.MemberRecord(member: member, updatedAt: weekAgo)
                account.memberByEmail[key] = memberId
            }
        }
        for seed in user.campaigns {
            var start: Int64?
            switch seed.timing {
            case .draft, .failed: start = nil
            case .sent(let days): start = now - Int64(days * 86_400_000)
            case .startsIn(let minutes): start = now + Int64(minutes * 60_000)
            }
            let campaignId = ids.next(\.campaign)
            var record = makeCampaign(
                id: campaignId, name: seed.name, subject: seed.subject, listIds: seed.lists.compactMap { listIds[$0] }, in: account,
                createdAt: min(now, start ?? now) - 3_600_000, start: start, sendingMilliseconds: sendingMilliseconds
            )
            record.failed = seed.timing == .failed
            account.campaigns[campaignId] = record
            // Who left through this campaign is not a recipient of the next.
            settle(&account, now: now)
        }
    }
}

/// The next ids; unique across end users, as in one shared database.
package struct IdCounters: Sendable, Codable {
    package var list = 1001
    package var member = 50_001
    package var campaign = 7001

    /// Moves every counter past the seeds to where the clock says, 10 ids per millisecond since 2024 (``IDStart``).
    mutating func startAfterSeeds(now: Int64) {
        list = IDStart.fromClock(now, perMillisecond: 10, floor: list)
        member = IDStart.fromClock(now, perMillisecond: 10, floor: member)
        campaign = IDStart.fromClock(now, perMillisecond: 10, floor: campaign)
    }

    /// Each counter at least `earlier`'s, so that no id `earlier` handed out is handed out again.
    mutating func `continue`(after earlier: IdCounters) {
        list = max(list, earlier.list)
        member = max(member, earlier.member)
        campaign = max(campaign, earlier.campaign)
    }

    mutating func next(_ counter: WritableKeyPath<IdCounters, Int>) -> Int {
        defer { self[keyPath: counter] += 1 }
        return self[keyPath: counter]
    }
}

/// The body of the mock's `POST /mock/euromsg/campaign`: a campaign the end user sends from the panel.
package struct MockCampaignRequest: Codable, Sendable, Hashable {
    package var apiKey: String
    package var name: String
    package var subject: String
    package var listIds: [Int]
    /// Seconds until sending starts; now when absent (the campaign is `Pending` until then).
    package var startsInSeconds: Double?
    /// A year at most: bounded before it becomes milliseconds.
    package static let startsInSecondsRange: ClosedRange<Double> = 0...31_536_000

    package init(apiKey: String, name: String, subject: String, listIds: [Int], startsInSeconds: Double? = nil) {
        self.apiKey = apiKey
        self.name = name
        self.subject = subject
        self.listIds = listIds
        self.startsInSeconds = startsInSeconds
    }
}
