import EuromsgExpress

/// `DELETE /member/{memberId}`: hidden from the panel and every query, but retained (the admin API lists them).
extension DeleteMemberRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) {
        try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, now: Int64) throws(ExpressError) in
            var record = try account.visibleMember(id)
            record.hiddenAt = now
            account.members[id] = record
        }
    }
}
