import EuromsgExpress

/// `GET /member/{memberId}`: a visible member (a deleted one is `NOT_FOUND`).
extension GetMemberRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> Member {
        try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, _: Int64) throws(ExpressError) in try account.visibleMember(id).member }
    }
}
