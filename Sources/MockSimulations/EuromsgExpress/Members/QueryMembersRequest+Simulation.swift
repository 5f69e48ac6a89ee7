import EuromsgExpress

/// `GET /member`: a list's visible members by memberId (paged, optionally changed after a date), or one by e-mail.
extension QueryMembersRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> MemberQueryResult {
        try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, _: Int64) throws(ExpressError) in
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
}
