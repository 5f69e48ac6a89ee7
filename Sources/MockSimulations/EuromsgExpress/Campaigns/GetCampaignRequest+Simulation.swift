import EuromsgExpress

/// `GET /campaign/{id}`: the campaign, its status on the clock (Pending → OnGoing → Sent).
extension GetCampaignRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> Campaign {
        let sendingMilliseconds = state.sendingMilliseconds
        return try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, now: Int64) throws(ExpressError) in
            ExpressState.view(try ExpressState.campaign(id, in: account), now: now, sendingMilliseconds: sendingMilliseconds)
        }
    }
}
