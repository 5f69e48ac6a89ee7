import Foundation
import MySoftIYS
import ProviderClients
import WireCoding

/// MySoft İYS's contract against any endpoint (`provider-mock check --iys URL`): the OAuth token and its documented
/// refusal, the read calls on the account's first brand, and the documented errors (no token, an unknown batch). A
/// consent is recorded only with `allowWrites`, for `testNumber`: it changes the brand's real consent records.
public struct IYSContract: Sendable {
    public var baseURL: String
    public var username: String
    public var password: String
    public var allowWrites: Bool
    /// The number the write records a consent for, `+905XXXXXXXXX` (`905…` is written so).
    public var testNumber: String?
    let call: ContractCall

    public init(baseURL: String, username: String, password: String, allowWrites: Bool = false, testNumber: String? = nil, timeout: Duration = .seconds(30)) {
        self.baseURL = ProviderHTTP.baseURL(baseURL)
        self.username = username
        self.password = password
        self.allowWrites = allowWrites
        self.testNumber = testNumber.map { $0.hasPrefix("+") ? $0 : "+" + $0 }
        call = ContractCall(provider: "iys", http: ProviderHTTP(timeout: timeout), baseURL: self.baseURL)
    }

    public func run() async -> ConformanceReport {
        var results: [ConformanceReport.Result] = []
        let form = [("Content-Type", "application/x-www-form-urlencoded")]
        func credentials(_ password: String) -> [UInt8] { Array(TokenRequest(username: username, password: password).formEncoded.utf8) }
        results.append(await call.run("wrong credentials are invalid_grant", .POST, "/oauth/token", headers: form, body: credentials(password + "-yanlış")) {
            IYSReplyRules.token($0, expectingError: "invalid_grant")
        }.result)
        let (tokenResult, tokenReply) = await call.run("issues a bearer token", .POST, "/oauth/token", headers: form, body: credentials(password)) { IYSReplyRules.token($0) }
        results.append(tokenResult)
        let token = tokenReply.flatMap { try? IYSJSON.decode(OAuthToken.self, from: $0.body) }?.accessToken
        results.append(await post(.consentQuery, "a call without a token is 401", token: nil, ConsentQueryRequest(brandCode: "0")) { IYSReplyRules.error(nil, status: 401, $0) })
        guard let token else {
            for operation in [IYSOperation.brands, .recipientStatus, .consentQuery, .batchStatus, .sendConsent] {
                results.append(call.skipped(operation.path, "needs a token", "the token call failed"))
            }
            return ConformanceReport(results: results)
        }
        let (brandsResult, brandsReply) = await call.run("lists the brands", .POST, IYSOperation.brands.path, headers: headers(token), body: Array("{}".utf8)) {
            IYSReplyRules.success([Brand].self, $0)
        }
        results.append(brandsResult)
        guard let brand = brandsReply.flatMap({ try? IYSJSON.decode(IYSResult<[Brand]>.self, from: $0.body) })?.data?.first.map({ String($0.brandCode) }) else {
            for operation in [IYSOperation.recipientStatus, .consentQuery, .batchStatus, .sendConsent] {
                results.append(call.skipped(operation.path, "needs a brand", "the account lists no brand"))
            }
            return ConformanceReport(results: results)
        }
        let recipient = testNumber ?? "+905550000000"
        results.append(await post(.recipientStatus, "lists a recipient's consents", token: token, RecipientStatusRequest(brandCode: brand, recipient: recipient)) {
            IYSReplyRules.success([ConsentRecord].self, $0)
        })
        results.append(await post(.consentQuery, "queries the brand's consents", token: token, ConsentQueryRequest(brandCode: brand, limit: 5)) {
            IYSReplyRules.success(ConsentQueryResult.self, $0)
        })
        results.append(await post(.batchStatus, "an unknown batch is HM404", token: token, BatchTransactionRequest(brandCode: brand, transctionGuid: UUID().uuidString)) {
            IYSReplyRules.error(.HM404, status: 404, $0)
        })
        results.append(await writes(token: token, brand: brand))
        return ConformanceReport(results: results)
    }

    /// A consent for `testNumber`, only with `allowWrites`.
    private func writes(token: String, brand: String) async -> ConformanceReport.Result {
        guard allowWrites, let testNumber else {
            return call.skipped(IYSOperation.sendConsent.path, "records a consent for the test number",
                                allowWrites ? "needs --test-number" : "a write: runs with --allow-writes and --test-number")
        }
        let consent = SendConsentRequest(brandCode: brand, consentData: ConsentData(
            recipient: testNumber, recipientType: .individual, type: .message,
            consentDate: TurkeyTime.iysDate(Int64(Date().timeIntervalSince1970 * 1000)), source: .web, status: .approved
        ))
        return await post(.sendConsent, "records a consent for the test number", token: token, consent) { IYSReplyRules.success(ConsentRecord.self, $0) }
    }

    private func headers(_ token: String?) -> [(String, String)] {
        [("Content-Type", "application/json; charset=utf-8")] + (token.map { [("Authorization", "Bearer \($0)")] } ?? [])
    }

    /// `POST /api/IYSConsent/<name>` with a request of the model.
    private func post(
        _ operation: IYSOperation, _ check: String, token: String?, _ request: some Encodable, judge: (ProviderHTTP.Reply) -> [String]
    ) async -> ConformanceReport.Result {
        let body = (try? IYSJSON.encode(request)) ?? []
        return await call.run(check, .POST, operation.path, headers: headers(token), body: body, judge: judge).result
    }
}
