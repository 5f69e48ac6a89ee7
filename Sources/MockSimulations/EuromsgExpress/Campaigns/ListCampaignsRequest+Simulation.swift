import EuromsgExpress

/// `GET /campaign`: the end user's campaigns matching every filter given, newest first.
extension ListCampaignsRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> [Campaign] {
        let (query, sendingMilliseconds) = (query, state.sendingMilliseconds)
        return try state.withAccount(apiKey, now: now) { account, now in
            account.campaigns.values
                .filter { campaign in query.id.map { campaign.id == $0 } ?? true }
                .filter { campaign in query.name.map { TurkishText.contains(campaign.name, $0) } ?? true }
                .map { ExpressState.view($0, now: now, sendingMilliseconds: sendingMilliseconds) }
                .filter { campaign in query.status.map { campaign.status == $0 } ?? true }
                .sorted { $0.id > $1.id }
        }
    }
}
