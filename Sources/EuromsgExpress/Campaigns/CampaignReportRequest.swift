/// The request of `GET /campaign-report` (``ExpressOperation/campaignReport``); the mock's rule for it is
/// `Campaigns/CampaignReportRequest+Simulation.swift`.
public struct CampaignReportRequest: Sendable, Hashable {
    public var query: ReportQuery

    public init(_ query: ReportQuery) { self.query = query }
}
