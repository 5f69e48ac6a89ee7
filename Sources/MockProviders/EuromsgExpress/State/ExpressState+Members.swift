import EuromsgExpress

extension ExpressState {
    /// `POST /member`: adds a member to a list. Refused without sending rights; the İYS fields are required when
    /// the end user made Euromsg Express its İYS integrator. An address already in the account joins the list
    /// under its memberId (a hidden one is shown again, with its history).
    package mutating func addMember(_ apiKey: String, _ request: AddMemberRequest, now: Int64) throws(ExpressError) -> (member: Member, created: Bool) {
        try EmailAddress.validate(request.email)
        let newId = ids.member
        let result = try withAccount(apiKey, now: now) { (account: inout ExpressAccount, now: Int64) throws(ExpressError) -> (member: Member, created: Bool) in
            try Self.requireSendingRights(account, now: now)
            _ = try account.list(request.listId)
            try Self.checkIYS(request.iys, integrator: account.iysIntegrator)
            let key = EmailAddress.key(request.email)
            if let id = account.memberByEmail[key], var record = account.members[id] {
                let wasVisible = record.isVisible
                record.hiddenAt = nil
                if !record.member.listIds.contains(request.listId) { record.member.listIds.append(request.listId) }
                Self.apply(request, to: &record.member)
                Self.touch(&record, now: now)
                account.members[id] = record
                return (record.member, !wasVisible)
            }
            let date = ExpressClock.date(now)
            let member = Member(
                memberId: newId, email: request.email, firstName: request.firstName, lastName: request.lastName, phone: request.phone,
                listIds: [request.listId], iys: request.iys, createdAt: date, updatedAt: date
            )
            account.members[newId] = ExpressAccount.MemberRecord(member: member, updatedAt: now)
            account.memberByEmail[key] = newId
            return (member, true)
        }
        if result.member.memberId == newId { ids.member += 1 }
        return result
    }

    /// `GET /member`: a list's visible members by memberId (paged, optionally changed after a date), or one by e-mail.
    package mutating func members(_ apiKey: String, _ query: MemberQuery, now: Int64) throws(ExpressError) -> MemberQueryResult {
        try withAccount(apiKey, now: now) { (account: inout ExpressAccount, _: Int64) throws(ExpressError) in
            switch query.selection {
            case .email(let email):
                guard let id = account.memberByEmail[EmailAddress.key(email)], let record = account.members[id], record.isVisible else {
                    throw ExpressError(.notFound, "no member with e-mail \(email)")
                }
                return .one(record.member)
            case .list(let listId, let updatedAfter, let paging):
                _ = try account.list(listId)
                let rows = account.members.values
                    .filter { record in
                        record.isVisible && record.member.listIds.contains(listId) && (updatedAfter.map { record.member.updatedAt > $0 } ?? true)
                    }
                    .map(\.member)
                    .sorted { $0.memberId < $1.memberId }
                return .page(paging.slice(rows))
            }
        }
    }

    /// `GET /member/{memberId}`.
    package mutating func member(_ apiKey: String, id: Int, now: Int64) throws(ExpressError) -> Member {
        try withAccount(apiKey, now: now) { (account: inout ExpressAccount, _: Int64) throws(ExpressError) in try account.visibleMember(id).member }
    }

    /// `PATCH /member/{memberId}`: changes the fields given. Refused without sending rights.
    package mutating func updateMember(_ apiKey: String, id: Int, _ request: UpdateMemberRequest, now: Int64) throws(ExpressError) -> Member {
        if let email = request.email { try EmailAddress.validate(email) }
        try request.iys?.validate()
        return try withAccount(apiKey, now: now) { (account: inout ExpressAccount, now: Int64) throws(ExpressError) in
            try Self.requireSendingRights(account, now: now)
            var record = try account.visibleMember(id)
            if let email = request.email, EmailAddress.key(email) != EmailAddress.key(record.member.email) {
                if let other = account.memberByEmail[EmailAddress.key(email)], other != id {
                    throw ExpressError(.conflict, "\(email) is already member \(other)")
                }
                account.memberByEmail[EmailAddress.key(record.member.email)] = nil
                account.memberByEmail[EmailAddress.key(email)] = id
                record.member.email = email
            }
            if let firstName = request.firstName { record.member.firstName = firstName }
            if let lastName = request.lastName { record.member.lastName = lastName }
            if let phone = request.phone { record.member.phone = phone }
            if let status = request.status { record.member.status = status }
            if let iys = request.iys { record.member.iys = iys }
            Self.touch(&record, now: now)
            account.members[id] = record
            return record.member
        }
    }

    /// `DELETE /member/{memberId}`: hidden from the panel and every query, but retained.
    package mutating func deleteMember(_ apiKey: String, id: Int, now: Int64) throws(ExpressError) {
        try withAccount(apiKey, now: now) { (account: inout ExpressAccount, now: Int64) throws(ExpressError) in
            var record = try account.visibleMember(id)
            record.hiddenAt = now
            account.members[id] = record
        }
    }

    /// Members whose data the mock retains though the API deleted them (for tests and the admin API).
    package func hiddenMembers(_ apiKey: String) throws(ExpressError) -> [Member] {
        try account(apiKey).members.values.filter { !$0.isVisible }.map(\.member).sorted { $0.memberId < $1.memberId }
    }

    // MARK: Rules

    static func requireSendingRights(_ account: ExpressAccount, now: Int64) throws(ExpressError) {
        guard account.allowance.remaining(at: now) > 0 else {
            throw ExpressError(
                .noSendingRights,
                "the end user has no active sending rights (the 500-send welcome package is used up or expired and no package is active): members cannot flow into their lists"
            )
        }
    }

    static func checkIYS(_ iys: MemberIYS?, integrator: Bool) throws(ExpressError) {
        if let iys { try iys.validate() }
        if integrator, iys == nil {
            throw .invalid("iys", "is required: the end user made Euromsg Express their İYS integrator (consentDate, consentSource, merchantConsentStatus)")
        }
    }

    static func apply(_ request: AddMemberRequest, to member: inout Member) {
        if let firstName = request.firstName { member.firstName = firstName }
        if let lastName = request.lastName { member.lastName = lastName }
        if let phone = request.phone { member.phone = phone }
        if let iys = request.iys { member.iys = iys }
    }

    static func touch(_ record: inout ExpressAccount.MemberRecord, now: Int64) {
        record.updatedAt = now
        record.member.updatedAt = ExpressClock.date(now)
    }
}

/// `GET /member`'s answer: one member by e-mail, or a page of a list's members.
package enum MemberQueryResult: Sendable, Hashable {
    case one(Member)
    case page(ExpressPage<Member>)
}
