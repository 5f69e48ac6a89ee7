/// The request of `GET /campaign` (``ExpressOperation/listCampaigns``); the mock's rule for it is
/// `Campaigns/ListCampaignsRequest+Simulation.swift`.
public struct ListCampaignsRequest: Sendable, Hashable {
    public var query: CampaignQuery

    public init(_ query: CampaignQuery = CampaignQuery()) { self.query = query }
}
