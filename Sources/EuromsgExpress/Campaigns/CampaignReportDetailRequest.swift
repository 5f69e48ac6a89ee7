/// The request of `GET /campaign-report-detail` (``ExpressOperation/campaignReportDetail``); the mock's rule for it is
/// `Campaigns/CampaignReportDetailRequest+Simulation.swift`.
public struct CampaignReportDetailRequest: Sendable, Hashable {
    public var query: ReportQuery

    public init(_ query: ReportQuery) { self.query = query }
}
