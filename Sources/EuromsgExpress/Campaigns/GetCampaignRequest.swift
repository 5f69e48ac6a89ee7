/// The request of `GET /campaign/{id}` (``ExpressOperation/getCampaign``); the mock's rule for it is
/// `Campaigns/GetCampaignRequest+Simulation.swift`.
public struct GetCampaignRequest: Sendable, Hashable {
    public var id: Int

    public init(id: Int) { self.id = id }
}
