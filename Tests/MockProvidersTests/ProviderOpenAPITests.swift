import EuromsgExpress
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MockProviders
@testable import MockSimulations
import MySoftIYS
import Testing

/// Issue 15: the MySoft İYS and Euromsg Express descriptions (`GET /openapi.json` on each mock) name every route of the
/// mock and no other, and what the mock answers along a day's work, success and error, matches them.
@Suite struct ProviderOpenAPITests {
    static func document(_ description: OpenAPIDescription) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(description.json)) as? [String: Any])
    }

    /// `METHOD /path` of every route but the mock's own (`/mock/…`) and the description itself.
    static func routes(_ router: Router<MockRequestContext>) -> Set<String> {
        Set(router.routes.compactMap { route in
            let path = route.path.description.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return path.hasPrefix("/mock/") || path == "/openapi.json" ? nil : "\(route.method.rawValue) \(path)"
        })
    }

    static func described(_ document: [String: Any]) -> Set<String> {
        Set(((document["paths"] as? [String: [String: Any]]) ?? [:]).flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
    }

    @Test(arguments: [OpenAPIDescription.iys, .euromsg])
    func theDescriptionNamesEveryRouteAndNoOther(_ description: OpenAPIDescription) throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        let router = description == .iys ? mocks.iysRouter() : mocks.euromsgRouter()
        let document = try Self.document(description)
        #expect(document["openapi"] as? String == "3.1.0")
        let (routes, described) = (Self.routes(router), Self.described(document))
        #expect(routes.subtracting(described).isEmpty, "routes the description leaves out: \(routes.subtracting(described).sorted())")
        #expect(described.subtracting(routes).isEmpty, "described routes that do not exist: \(described.subtracting(routes).sorted())")
    }

    /// Issue 27: the İYS mock serves the calls of the operation table (``IYSOperation``), each with its methods, and no
    /// other; with the test above, the description names them too.
    @Test func theIYSMockServesTheCallsOfItsTable() throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        let served = Self.routes(mocks.iysRouter()).filter { $0.contains(IYSOperation.pathPrefix) }
        let table = Set(IYSOperation.allCases.flatMap { operation in (operation.allowsGET ? ["GET", "POST"] : ["POST"]).map { "\($0) \(operation.path)" } })
        #expect(served == table, "served, not in the table: \(served.subtracting(table).sorted()); in the table, not served: \(table.subtracting(served).sorted())")
        #expect(Set(IYSBatchList.allCases.map(\.operation)).count == IYSBatchList.allCases.count)
    }

    /// Issue 27: the Euromsg Express mock serves the calls of its table (``ExpressOperation``), each with its method and
    /// path, and no other but its own (`/mock/…`); with the test above, the description names them too.
    @Test func theEuromsgMockServesTheCallsOfItsTable() throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        let table = Set(ExpressOperation.allCases.map(\.description))
        #expect(Self.routes(mocks.euromsgRouter()) == table)
        #expect(ExpressOperation.getMember.path(42) == "/member/42" && ExpressOperation.getMember.parameter == "memberId")
        #expect(ExpressOperation.listLists.path(42) == "/email-list" && ExpressOperation.listLists.parameter == nil)
    }

    @Test(arguments: OpenAPIDescription.allCases)
    func eachMockServesItsDescription(_ description: OpenAPIDescription) async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        let router = switch description {
        case .nodeAPI: mocks.nodeAPIRouter()
        case .iys: mocks.iysRouter()
        case .euromsg: mocks.euromsgRouter()
        }
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(Array(Data(buffer: response.body)) == description.json)
            #expect(description.json.count > 10_000, "the description was found")
        }
    }

    /// Calls `method uri` and checks the reply against the description's schema for its status (or `default`).
    struct Caller {
        let client: any TestClientProtocol
        let check: OpenAPISchemaCheck
        var bearer: String?

        @discardableResult
        func call(_ method: HTTPRequest.Method, _ uri: String, path: String? = nil, _ body: String? = nil, form: Bool = false) async throws -> (Int, Any) {
            var headers: HTTPFields = [.contentType: form ? "application/x-www-form-urlencoded" : "application/json"]
            if let bearer { headers[.authorization] = "Bearer \(bearer)" }
            let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            let status = Int(response.status.code)
            let template = path ?? String(uri.split(separator: "?").first ?? "")
            let schema = try #require(check.replySchema(path: template, method: method.rawValue, status: status), "\(method) \(uri) answered \(status), which the description does not give")
            guard let schema else { return (status, NSNull()) }
            let value = try JSONSerialization.jsonObject(with: Data(buffer: response.body), options: .fragmentsAllowed)
            let problems = check.problems(value, against: schema, at: "\(method) \(uri) (\(status))")
            #expect(problems.isEmpty, "\(problems)")
            return (status, value)
        }
    }

    @Test func theIYSMockAnswersAsDescribed() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        let check = OpenAPISchemaCheck(document: try Self.document(.iys))
        try await Application(router: mocks.iysRouter()).test(.router) { client in
            var caller = Caller(client: client, check: check)
            let (_, token) = try await caller.call(.post, "/oauth/token", "username=admin&password=123456&grant_type=password", form: true)
            try await caller.call(.post, "/oauth/token", "username=admin&password=yanlış&grant_type=password", form: true)
            try await caller.call(.post, "/api/IYSConsent/ConsentQuery", #"{"brandCode": "5565656556"}"#)
            caller.bearer = try #require((token as? [String: Any])?["access_token"] as? String)
            let p = "/api/IYSConsent/"
            let consent = #"{"recipient": "+905551230013", "recipientType": "BIREYSEL", "type": "MESAJ", "source": "HS_WEB", "status": "ONAY", "consentDate": "2025-03-01 10:00:00"}"#
            try await caller.call(.post, p + "IYSBrands")
            try await caller.call(.get, p + "IYSBrands")
            try await caller.call(.post, p + "SendConsent", #"{"brandCode": "5565656556", "consentData": \#(consent)}"#)
            try await caller.call(.post, p + "ConsentStatus", #"{"brandCode": "5565656556", "recipient": "+905551230013", "recipientType": "BIREYSEL", "type": "MESAJ"}"#)
            let wrong = #"{"recipient": "x", "recipientType": "BIREYSEL", "type": "MESAJ", "source": "HS_WEB", "status": "ONAY"}"#
            try await caller.call(.post, p + "SendConsentBatch", #"{"brandCode": "5565656556", "consentData": [\#(consent), \#(wrong)]}"#)
            let (_, batch) = try await caller.call(.post, p + "SendConsentBatch", #"{"brandCode": "5565656556", "consentData": [\#(consent), \#(wrong)], "isSaveSuccessData": true}"#)
            let guid = try #require(((batch as? [String: Any])?["data"] as? [String: Any])?["transctionGuid"] as? String)
            for name in ["ConsentBatchStatus", "ConsentBatchStatusSuccess", "ConsentBatchStatusError", "ConsentBatchStatusUpdated", "ConsentBatchStatusIsUsedBefore", "ConsentBatchSendIYSStatus"] {
                try await caller.call(.post, p + name, #"{"brandCode": "5565656556", "transctionGuid": "\#(guid)", "isSendAllData": true}"#)
            }
            try await caller.call(.post, p + "RecipientStatus", #"{"brandCode": "5565656556", "recipient": "+905551230013"}"#)
            try await caller.call(.post, p + "ConsentQuery", #"{"brandCode": "5565656556", "limit": 2}"#)
            try await caller.call(.post, p + "ConsentQuery", "{")
            try await caller.call(.post, p + "ConsentStatus", #"{"brandCode": "5565656556", "recipient": "+905551230013", "recipientType": "KURUM", "type": "MESAJ"}"#)
        }
    }

    @Test func theEuromsgMockAnswersAsDescribed() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        let check = OpenAPISchemaCheck(document: try Self.document(.euromsg))
        try await Application(router: mocks.euromsgRouter()).test(.router) { client in
            var caller = Caller(client: client, check: check)
            try await caller.call(.get, "/health-check")
            try await caller.call(.post, "/tokens", #"{"clientName": "admin", "password": "yanlış"}"#)
            try await caller.call(.get, "/email-list")
            let (_, token) = try await caller.call(.post, "/tokens", #"{"clientName": "admin", "password": "123456"}"#)
            caller.bearer = try #require((token as? [String: Any])?["tokenValue"] as? String)
            try await caller.call(.get, "/email-list")
            try await caller.call(.put, "/apiKey/identification", #"{"apiKey": "YOK"}"#)
            try await caller.call(.put, "/apiKey/identification/EXP-DEMO-7F3A9C21", path: "/apiKey/identification/{apiKey}")
            try await caller.call(.put, "/apiKey/identification", #"{"apiKey": "EXP-DEMO-7F3A9C21"}"#)
            let (_, list) = try await caller.call(.post, "/email-list", #"{"name": "Müşteriler"}"#)
            let id = try #require((list as? [String: Any])?["id"] as? Int)
            try await caller.call(.get, "/email-list?name=Müşteriler".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")
            try await caller.call(.get, "/email-list/\(id)", path: "/email-list/{id}")
            try await caller.call(.patch, "/email-list/\(id)", path: "/email-list/{id}", #"{"name": "Eski müşteriler"}"#)
            let member = #"{"listId": \#(id), "email": "sule@example.com", "firstName": "Şule", "phone": "+905551230011", "iys": {"consentDate": "2025-03-01 10:00:00", "consentSource": "HS_WEB", "merchantConsentStatus": "ONAY"}}"#
            let (_, added) = try await caller.call(.post, "/member", member)
            let memberID = try #require((added as? [String: Any])?["memberId"] as? Int)
            try await caller.call(.post, "/member", member.replacingOccurrences(of: "\(id)", with: "1001"))
            try await caller.call(.post, "/member", #"{"listId": \#(id), "email": "e-posta değil"}"#)
            try await caller.call(.get, "/member?listId=\(id)&pageSize=10")
            try await caller.call(.get, "/member?email=sule@example.com")
            try await caller.call(.get, "/member")
            try await caller.call(.get, "/member/\(memberID)", path: "/member/{memberId}")
            try await caller.call(.patch, "/member/\(memberID)", path: "/member/{memberId}", #"{"lastName": "Öztürk"}"#)
            try await caller.call(.patch, "/member", #"{"memberId": \#(memberID), "status": "Unsubscribed"}"#)
            try await caller.call(.get, "/campaign")
            try await caller.call(.get, "/campaign?status=Sent")
            try await caller.call(.get, "/campaign/7001", path: "/campaign/{id}")
            try await caller.call(.get, "/campaign/1", path: "/campaign/{id}")
            try await caller.call(.get, "/campaign-report?campaignId=7001")
            try await caller.call(.get, "/campaign-report-detail?campaignId=7001&opened=true")
            try await caller.call(.get, "/campaign-report-detail")
            try await caller.call(.delete, "/member/\(memberID)", path: "/member/{memberId}")
            try await caller.call(.delete, "/email-list/\(id)", path: "/email-list/{id}")
            try await caller.call(.delete, "/email-list/\(id)", path: "/email-list/{id}")
        }
    }
}
