import EuromsgExpress

/// `GET /campaign-report`: totals of the campaign's messages out so far (the filters apply), and per list.
extension CampaignReportRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> CampaignReport {
        let (query, sendingMilliseconds) = (query, state.sendingMilliseconds)
        return try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, now: Int64) throws(ExpressError) in
            let campaign = try ExpressState.campaign(query.campaignId, in: account)
            let rows = campaign.delivered(by: now).map(\.detail).filter(query.matches)
            var totals = ReportTotals()
            var perList: [Int: ReportTotals] = [:]
            for row in rows {
                totals.count(row)
                perList[row.listId, default: ReportTotals()].count(row)
            }
            let lists = campaign.listIds.filter { query.listId == nil || query.listId == $0 }.map { id in
                ListReport(listId: id, listName: account.lists[id]?.name ?? "(silinmiş liste \(id))", totals: perList[id] ?? ReportTotals())
            }
            return CampaignReport(
                campaignId: campaign.id, campaignName: campaign.name,
                status: campaign.status(at: now, sendingMilliseconds: sendingMilliseconds), totals: totals, lists: lists
            )
        }
    }
}
