import EuromsgExpress

extension ExpressState {
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
