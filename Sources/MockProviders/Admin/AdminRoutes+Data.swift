import EuromsgExpress
import Hummingbird
import MockAdmin
@_spi(MockInternals) import MockSimulations
import MySoftIYS
import NodeAPI

/// Run-time data: a Node API account's credit and senders, and an İYS consent (`/__admin/node-api/…`,
/// `/__admin/iys/consents`), for a test that needs a state the scenario does not start with.
extension AdminRoutes {
    func registerData<Context: RequestContext>(on router: Router<Context>) {
        let nodeAPI = mocks.nodeAPI
        router.on(.changeCredit) { request, _ in
            await answer(request) { body throws(AdminModels.Failure) in
                let change = try Self.decode(AdminModels.CreditChange.self, body)
                let credit = try Self.refused { () throws(Refusal) in
                    try nodeAPI.withState { (state: inout NodeAPIState, _: Int64) throws(Refusal) in
                        try state.changeCredit(of: change.user, add: change.add, exactly: change.credit)
                    }
                }
                return AdminModels.Credit(user: change.user, credit: credit)
            }
        }
        router.on(.setSender) { request, _ in
            await answer(request) { body throws(AdminModels.Failure) in
                let change = try Self.decode(AdminModels.SenderChange.self, body)
                guard let state = SenderRecord.stateNames[change.state] else {
                    throw AdminModels.Failure(400, "'\(change.state)' is not a sender state (pending, approved, rejected, banned)", field: "state")
                }
                let senders = try Self.refused { () throws(Refusal) in
                    try nodeAPI.withState { (account: inout NodeAPIState, _: Int64) throws(Refusal) in
                        try account.setSender(of: change.user, title: change.title, state: state, otpApproved: change.otpApproved)
                    }
                }
                return AdminModels.Senders(user: change.user, senders: senders.map { AdminModels.Sender($0) })
            }
        }
        router.on(.listConsents) { request, _ in
            await reply { () throws(AdminModels.Failure) in
                let query = request.firstQueryValues
                return AdminModels.Consents(consents: consents(brand: query["brandCode"], limit: try Self.limit(query, default: 100)))
            }
        }
        router.on(.listCampaigns) { _, _ in Self.ok(AdminModels.Campaigns(campaigns: campaigns())).response }
        router.on(.addConsent) { request, _ in
            await answer(request, status: .created) { body throws(AdminModels.Failure) in try addConsent(try Self.decode(AdminModels.ConsentChange.self, body)) }
        }
    }

    /// A consent given on İYS (an `IYS_*` source: stored at once, and the brand's webhook told), or sent by the brand
    /// (any other source: forwarded to İYS as `SendConsent` is). The account is `user`, else the one with the brand.
    private func addConsent(_ change: AdminModels.ConsentChange) throws(AdminModels.Failure) -> ConsentRecord {
        let iys = mocks.iys
        let owner = change.user ?? iys.withState { state, _ in state.owner(ofBrand: change.brandCode) }
        guard let owner else { throw AdminModels.Failure(404, "no İYS account has brand '\(change.brandCode)'", field: "brandCode") }
        do {
            if change.consent.source.isIYS { return try iys.changeOnIYS(for: owner, brandCode: change.brandCode, change.consent) }
            _ = try iys.respond(to: SendConsentRequest(brandCode: change.brandCode, consentData: change.consent), as: owner)
            return ConsentRecord(change.consent)
        } catch {
            throw AdminModels.Failure(error.code == .HM404 ? 404 : 400, error.message, field: "consent")
        }
    }

    /// The consents İYS keeps, newest change first, at most `limit`; one brand's when given.
    private func consents(brand: String?, limit: Int) -> [AdminModels.Consent] {
        let now = mocks.clock.now()
        var found: [(position: Int, consent: AdminModels.Consent)] = []
        for book in mocks.iys.withState({ state, _ in state.consents.snapshot }).brands where brand.map({ $0 == book.code }) ?? true {
            for entry in book.entries {
                let forwarded = !entry.forwardingFails && entry.forwardedAt <= now
                found.append((entry.position, AdminModels.Consent(
                    brandCode: book.code, consent: entry.consent, receivedAt: ISOTime.string(entry.receivedAt), onIYS: forwarded
                )))
            }
        }
        return found.sorted { $0.position > $1.position }.prefix(limit).map(\.consent)
    }

    /// Every end user's campaigns, newest first, with their status now.
    private func campaigns() -> [AdminModels.EndUserCampaign] {
        mocks.euromsg.withState { state, now in
            state.accounts.keys.sorted().flatMap { apiKey in
                let campaigns = (try? ListCampaignsRequest().apply(to: &state, caller: apiKey, now: now)) ?? []
                return campaigns.map { AdminModels.EndUserCampaign(apiKey: apiKey, campaign: $0) }
            }
        }
    }
}
