import EuromsgExpress

/// `PATCH /member/{memberId}` (or `PATCH /member` with `memberId` in the body): changes the fields given. Refused
/// without sending rights; a new e-mail address must not be another member's.
extension UpdateMemberRequest: ExpressTransition {
    /// `memberId` is required: from the path, or in the body of `PATCH /member`.
    package func validate(at now: Int64) throws(ExpressError) {
        guard memberId != nil else { throw Self.memberIdRequired }
    }

    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> Member {
        guard let id = memberId else { throw Self.memberIdRequired }
        let request = self
        if let email = request.email { try EmailAddress.validate(email) }
        try request.iys?.validate()
        return try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, now: Int64) throws(ExpressError) in
            try ExpressState.requireSendingRights(account, now: now)
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
            ExpressState.touch(&record, now: now)
            account.members[id] = record
            return record.member
        }
    }
}

extension UpdateMemberRequest {
    static var memberIdRequired: ExpressError { .invalid("memberId", "is required to update a member (GET /member returns it)") }
}
