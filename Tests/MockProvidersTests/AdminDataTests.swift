import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MockProviders
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
        #expect(mocks.iys.store.entry(brand: brand, key: key) != nil)
    }
}
