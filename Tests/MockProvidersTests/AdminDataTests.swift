import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MockAdmin
@testable import MockProviders
@testable import MockSimulations
import MySoftIYS
import NodeAPI
import Testing

/// Issue 14, run-time data: a credit top-up, a sender's approval and an İYS consent, over the admin API.
@Suite struct AdminDataTests {
    static func post(_ admin: some TestClientProtocol, _ uri: String, _ json: String, method: HTTPRequest.Method = .post) async throws -> TestResponse {
        try await admin.execute(uri: uri, method: method, body: ByteBuffer(string: json))
    }

    @Test func creditAndSendersChangeAtRunTime() async throws {
        let mocks = try AdminInboxTests.mocks()
        let before = try mocks.nodeAPI.respond(to: UserCreditRequest(), as: "admin").credit
        let pending = CreateSmsRequest(recipients: .single("905551230011"), sender: "BEKLEYEN", title: "T", content: "Onay bekleniyor")
        #expect(throws: NodeAPIError.self) { try mocks.nodeAPI.respond(to: pending, as: "admin") }
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let topped = try await Self.post(admin, "/__admin/node-api/credit", #"{"user": "admin", "add": 250}"#)
            #expect(try JSONDecoder().decode(AdminModels.Credit.self, from: topped.body).credit == before + 250)
            let emptied = try await Self.post(admin, "/__admin/node-api/credit", #"{"user": "admin", "credit": 0}"#)
            #expect(try JSONDecoder().decode(AdminModels.Credit.self, from: emptied.body).credit == 0)
            #expect(throws: NodeAPIError.self) { try mocks.nodeAPI.respond(to: CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Kredisiz"), as: "admin") }
            _ = try await Self.post(admin, "/__admin/node-api/credit", #"{"user": "admin", "credit": 100}"#)

            let approved = try await Self.post(admin, "/__admin/node-api/senders", #"{"user": "admin", "title": "BEKLEYEN", "state": "approved"}"#, method: .put)
            let senders = try JSONDecoder().decode(AdminModels.Senders.self, from: approved.body).senders
            #expect(senders.first { $0.title == "BEKLEYEN" }?.state == "approved")
            _ = try await Self.post(admin, "/__admin/node-api/senders", #"{"user": "admin", "title": "YENİ ŞUBE", "state": "approved", "otpApproved": true}"#, method: .put)

            for (uri, json, field, status) in [
                ("/__admin/node-api/credit", #"{"user": "kimse", "add": 1}"#, "user", 404),
                ("/__admin/node-api/credit", #"{"user": "admin", "add": 1, "credit": 1}"#, "add", 400),
                ("/__admin/node-api/credit", #"{"user": "admin", "add": 9223372036854775807}"#, "add", 400),
                ("/__admin/node-api/credit", #"{"user": "admin", "credit": -1}"#, "credit", 400),
                ("/__admin/node-api/senders", #"{"user": "admin", "title": "BASLIK", "state": "onaylı"}"#, "state", 400),
                ("/__admin/node-api/senders", #"{"user": "admin", "title": "ÇOK UZUN BAŞLIK", "state": "approved"}"#, "title", 400),
            ] {
                let refused = try await Self.post(admin, uri, json, method: uri.hasSuffix("senders") ? .put : .post)
                #expect(refused.status.code == status, "\(json)")
                #expect(try AdminInboxTests.failure(refused).field == field, "\(json)")
            }
        }
        #expect(try mocks.nodeAPI.respond(to: pending, as: "admin").pkgID > 0, "an approved sender sends")
        #expect(try mocks.nodeAPI.respond(to: CreateOtpRequest(number: "05551230011", sender: "YENİ ŞUBE", content: "Kod 1234"), as: "admin").pkgID > 0)
    }

    /// A consent given on İYS is there at once for the brand's queries and the Node API's commercial gate.
    @Test func aConsentAddedOnIYSIsThereAtOnce() async throws {
        let mocks = try AdminInboxTests.mocks()
        let brand = IYSSimulationTests.brand
        let recipient = "+905551239876"
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let body = #"{"brandCode": "\#(brand)", "consent": {"recipient": "\#(recipient)", "type": "MESAJ", "source": "IYS_WEB", "status": "ONAY", "consentDate": "2025-12-01 10:00:00", "recipientType": "BIREYSEL"}}"#
            let added = try await Self.post(admin, "/__admin/iys/consents", body)
            #expect(added.status == .created, "\(String(buffer: added.body))")
            let unknown = try await Self.post(admin, "/__admin/iys/consents", body.replacingOccurrences(of: brand, with: "1"))
            #expect(unknown.status == .notFound)
            #expect(try AdminInboxTests.failure(unknown).field == "brandCode")
        }
        let key = ConsentKey(recipient: recipient, type: .message, recipientType: .individual)
        #expect(mocks.iys.consents.entry(brand: brand, key: key) != nil)
    }
}

/// `GET` and `PUT /__admin/scenario`: the text the mocks run, and a new scenario validated as at start-up; nothing
/// changes on an error.
@Suite struct AdminScenarioTests {
    static let replacement = """
        nodeAPI:
          journalSize: 50
          errorRules:
            - { endpoint: /sms/create, error: SMS99, every: 2 }
          accounts:
            - username: yeni
              password: "parola"
              userUUID: "11111111-2222-3333-4444-555555555555"
              credit: 7
              senders:
                - { title: ŞİRKET, uuid: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", state: approved }
        """

    @Test func aNewScenarioReplacesTheAccountsAndRules() async throws {
        let source = try Scenario.bundledSource()
        let mocks = ProviderMocks(scenario: try Scenario.parse(source, file: "default.yaml"), clock: ManualClock(), source: source)
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let current = try await admin.execute(uri: "/__admin/scenario", method: .get)
            #expect(String(buffer: current.body) == source)
            #expect(current.headers[.contentType] == "application/yaml; charset=utf-8")

            let wrong = try await admin.execute(uri: "/__admin/scenario", method: .put, body: ByteBuffer(string: Self.replacement.replacingOccurrences(of: "credit: 7", with: "credit: yedi")))
            #expect(wrong.status == .badRequest)
            let failure = try AdminInboxTests.failure(wrong)
            #expect(failure.field == "body")
            #expect(failure.error.hasPrefix("PUT /__admin/scenario:9: nodeAPI.accounts[0].credit:"), "\(failure.error)")
            #expect(mocks.nodeAPI.hasAccount("admin"), "nothing changed")

            let replaced = try await admin.execute(uri: "/__admin/scenario", method: .put, body: ByteBuffer(string: Self.replacement))
            #expect(replaced.status == .ok, "\(String(buffer: replaced.body))")
            #expect(try JSONDecoder().decode(AdminModels.ScenarioReplaced.self, from: replaced.body).restartNeeded == ["nodeAPI.journalSize"])
            #expect(String(buffer: try await admin.execute(uri: "/__admin/scenario", method: .get).body) == Self.replacement)
            let faults = try JSONDecoder().decode(AdminModels.Faults.self, from: try await admin.execute(uri: "/__admin/faults", method: .get).body)
            #expect(faults.faults.map(\.endpoint) == ["/sms/create"])
        }
        #expect(!mocks.nodeAPI.hasAccount("admin"))
        #expect(throws: NodeAPIError.self) { try mocks.nodeAPI.authenticate(username: "admin", password: "123456") }
        #expect(try mocks.nodeAPI.authenticate(username: "yeni", password: "parola") == "yeni")
        #expect(try mocks.nodeAPI.respond(to: UserCreditRequest(), as: "yeni").credit == 7)
    }

    @Test func aScenarioBuiltInCodeHasNoText() async throws {
        let mocks = try AdminInboxTests.mocks()
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let missing = try await admin.execute(uri: "/__admin/scenario", method: .get)
            #expect(missing.status == .notFound)
        }
    }
}
