import EuromsgExpress
import Foundation
import ProviderClients

/// Euromsg Express's contract against any endpoint (`provider-mock check --euromsg URL`): the health check, the
/// integrator's token and its documented refusal, the end user's API key (and an unknown one), the read calls, and the
/// documented errors (no token, an unknown member). A list is created and deleted only with `allowWrites`.
public struct ExpressContract: Sendable {
    public var baseURL: String
    public var clientName: String
    public var password: String
    public var apiKey: String
    public var allowWrites: Bool
    let call: ContractCall

    public init(baseURL: String, clientName: String, password: String, apiKey: String, allowWrites: Bool = false, timeout: Duration = .seconds(30)) {
        self.baseURL = ProviderHTTP.baseURL(baseURL)
        self.clientName = clientName
        self.password = password
        self.apiKey = apiKey
        self.allowWrites = allowWrites
        call = ContractCall(provider: "euromsg", http: ProviderHTTP(timeout: timeout), baseURL: self.baseURL)
    }

    static let json = [("Content-Type", "application/json; charset=utf-8")]

    public func run() async -> ConformanceReport {
        var results: [ConformanceReport.Result] = []
        results.append(await call.run("answers the health check", .GET, ExpressOperation.healthCheck.path) { ExpressReplyRules.success(HealthCheck.self, $0) }.result)
        results.append(await call.run("wrong credentials are INVALID_CREDENTIALS", .POST, ExpressOperation.issueToken.path, headers: Self.json, body: tokenBody(password + "-yanlış")) {
            ExpressReplyRules.error(.invalidCredentials, $0)
        }.result)
        results.append(await call.run("a call without a token is UNAUTHORIZED", .GET, ExpressOperation.listLists.path) { ExpressReplyRules.error(.unauthorized, $0) }.result)
        let (tokenResult, tokenReply) = await call.run("issues a bearer token", .POST, ExpressOperation.issueToken.path, headers: Self.json, body: tokenBody(password)) {
            ExpressReplyRules.success(ExpressToken.self, $0)
        }
        results.append(tokenResult)
        guard let token = tokenReply.flatMap({ try? ExpressJSON.decode(ExpressToken.self, from: $0.body) })?.tokenValue else {
            for path in [ExpressOperation.identify, .listLists, .queryMembers, .listCampaigns, .campaignReport].map(\.path) {
                results.append(call.skipped(path, "needs a token", "the token call failed"))
            }
            return ConformanceReport(results: results)
        }
        let bearer = Self.json + [("Authorization", "Bearer \(token)")]
        let unknownKey = (try? ExpressJSON.encode(IdentificationRequest(apiKey: "provider-mock-check-\(UUID().uuidString)"))) ?? []
        results.append(await call.run("an unknown API key is UNKNOWN_API_KEY", .PUT, ExpressOperation.identify.path, headers: bearer, body: unknownKey) {
            ExpressReplyRules.error(.unknownAPIKey, $0)
        }.result)
        let key = (try? ExpressJSON.encode(IdentificationRequest(apiKey: apiKey))) ?? []
        results.append(await call.run("binds the end user's API key", .PUT, ExpressOperation.identify.path, headers: bearer, body: key) {
            ExpressReplyRules.success(Identification.self, $0)
        }.result)
        let (listsResult, listsReply) = await call.run("lists the e-mail lists", .GET, ExpressOperation.listLists.path, headers: bearer) { ExpressReplyRules.success([EmailList].self, $0) }
        results.append(listsResult)
        if let list = listsReply.flatMap({ try? ExpressJSON.decode([EmailList].self, from: $0.body) })?.first {
            results.append(await call.run("pages a list's members", .GET, ExpressOperation.queryMembers.path + "?listId=\(list.id)&page=1&pageSize=10", headers: bearer) {
                ExpressReplyRules.success(ExpressPage<Member>.self, $0)
            }.result)
        } else {
            results.append(call.skipped(ExpressOperation.queryMembers.path, "pages a list's members", "the end user has no list"))
        }
        results.append(await call.run("an unknown member is NOT_FOUND", .GET, ExpressOperation.getMember.path(0), headers: bearer) { ExpressReplyRules.error(.notFound, $0) }.result)
        let (campaignsResult, campaignsReply) = await call.run("lists the campaigns", .GET, ExpressOperation.listCampaigns.path, headers: bearer) { ExpressReplyRules.success([Campaign].self, $0) }
        results.append(campaignsResult)
        if let campaign = campaignsReply.flatMap({ try? ExpressJSON.decode([Campaign].self, from: $0.body) })?.first {
            results.append(await call.run("reports a campaign", .GET, ExpressOperation.campaignReport.path + "?campaignId=\(campaign.id)", headers: bearer) {
                ExpressReplyRules.success(CampaignReport.self, $0)
            }.result)
        } else {
            results.append(call.skipped(ExpressOperation.campaignReport.path, "reports a campaign", "the end user has no campaign"))
        }
        results += await writes(bearer)
        return ConformanceReport(results: results)
    }

    /// A list created, renamed and deleted, only with `allowWrites`.
    private func writes(_ bearer: [(String, String)]) async -> [ConformanceReport.Result] {
        guard allowWrites else { return [call.skipped(ExpressOperation.createList.path, "creates and deletes a list", "a write: runs with --allow-writes")] }
        let name = (try? ExpressJSON.encode(EmailListName(name: "provider-mock check \(Int(Date().timeIntervalSince1970))"))) ?? []
        let (created, reply) = await call.run("creates a list", .POST, ExpressOperation.createList.path, headers: bearer, body: name) {
            ExpressReplyRules.success(EmailList.self, status: 201, $0)
        }
        guard let list = reply.flatMap({ try? ExpressJSON.decode(EmailList.self, from: $0.body) }) else { return [created] }
        let deleted = await call.run("deletes the list", .DELETE, ExpressOperation.deleteList.path(list.id), headers: bearer) { reply in
            reply.status == 204 ? [] : ["HTTP \(reply.status) where the document has 204"]
        }.result
        return [created, deleted]
    }

    private func tokenBody(_ password: String) -> [UInt8] {
        (try? ExpressJSON.encode(ExpressTokenRequest(clientName: clientName, password: password))) ?? []
    }
}
