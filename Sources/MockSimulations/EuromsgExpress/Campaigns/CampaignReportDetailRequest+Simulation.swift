import EuromsgExpress

/// `GET /campaign-report-detail`: one row per message out so far, filtered, paged in sending order.
extension CampaignReportDetailRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> ExpressPage<ReportDetail> {
        try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, now: Int64) throws(ExpressError) in
            let campaign = try ExpressState.campaign(query.campaignId, in: account)
            return query.paging.slice(campaign.delivered(by: now).map(\.detail).filter(query.matches))
        }
    }
}
