import EuromsgExpress

/// `GET /email-list/{id}`.
extension GetListRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> EmailList {
        try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, _: Int64) throws(ExpressError) in account.view(try account.list(id)) }
    }
}
