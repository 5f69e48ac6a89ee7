import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
import MockProviders
import MockSimulations
import MySoftIYS
import NodeAPI
import NodeAPIExamples
import Testing

/// The MySoft İYS mock without HTTP, on a manual clock.
@Suite struct IYSSimulationTests {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)
    static let brand = "5565656556"

    func simulation(webhook: IYSBrandRecord.Webhook? = nil) -> IYSSimulation {
        var account = ScenarioFixtures.iysAdmin
        account.brands[0].webhook = webhook
        return IYSSimulation(accounts: [account], clock: clock)
    }

    static func consent(_ recipient: String, _ status: ConsentStatus = .approved, date: String = "2025-03-01 09:00:00", type: ConsentChannel = .message) -> ConsentData {
        ConsentData(recipient: recipient, type: type, consentDate: IYSDateTime(date), source: .web, status: status)
    }

    func error(_ body: () async throws -> Void) async -> IYSError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? IYSError
        }
    }

    @Test func tokensExpireOnTheClock() async throws {
        let simulation = simulation()
        let token = try simulation.issueToken(TokenRequest(username: "admin", password: "123456"))
        #expect(token.expiresIn == 86_399)
        #expect(token.tokenType == "bearer")
        #expect(simulation.user(forToken: token.accessToken) == "admin")
        clock.advance(seconds: 86_398)
        #expect(simulation.user(forToken: token.accessToken) == "admin")
        clock.advance(seconds: 1)
        #expect(simulation.user(forToken: token.accessToken) == nil)
        #expect(simulation.user(forToken: "made-up") == nil)
        #expect(throws: OAuthError(error: "invalid_grant", errorDescription: "The user name or password is incorrect.")) {
            _ = try simulation.issueToken(TokenRequest(username: "admin", password: "wrong"))
        }
        #expect(throws: OAuthError(error: "unsupported_grant_type", errorDescription: "grant_type must be password")) {
            _ = try simulation.issueToken(TokenRequest(username: "admin", password: "123456", grantType: "client_credentials"))
        }
    }

    @Test func brandsCountTheirConsentsAndOtherBrandsAreHM404() async throws {
        let simulation = simulation()
        let brands = simulation.brands(of: "admin")
        #expect(brands.map(\.brandCode) == [5_565_656_556, 1_232_322])
        #expect(brands[0].stats.consents == .init(approval: 2, rejection: 1, total: 3))
        #expect(brands[0].master)
        let other = await error { _ = try simulation.respond(to: SendConsentRequest(brandCode: "999", consentData: Self.consent("+905551112233")), as: "admin") }
        #expect(other?.code == .HM404)
    }

    @Test func aConsentIsSavedForwardedOnTheClockAndQueried() async throws {
        let simulation = simulation()
        let saved = try simulation.respond(to: SendConsentRequest(brandCode: Self.brand, consentData: Self.consent("+905551112233")), as: "admin")
        #expect(saved.consent.status == .approved)
        let status = try simulation.respond(to: ConsentStatusRequest(brandCode: Self.brand, recipient: "+905551112233", type: .message), as: "admin")
        #expect(status.consent == Self.consent("+905551112233"))
        #expect(status.retailerAccessCount == 0)
        func forwarding() async throws -> IYSSendStatus? {
            try simulation.respond(to: RecipientStatusRequest(brandCode: Self.brand, recipient: "+905551112233"), as: "admin").first?.iysSendStatus
        }
        #expect(try await forwarding() == .sending)
        clock.advance(seconds: 1)
        #expect(try await forwarding() == .waitingForIYS)
        clock.advance(seconds: 2)
        #expect(try await forwarding() == .sent)
        let unknown = await error { _ = try simulation.respond(to: ConsentStatusRequest(brandCode: Self.brand, recipient: "+905559999999", type: .message), as: "admin") }
        #expect(unknown?.code == .HM404)
        let invalid = await error { _ = try simulation.respond(to: SendConsentRequest(brandCode: Self.brand, consentData: Self.consent("5551112233")), as: "admin") }
        #expect(invalid?.code == .HM422)
    }

    /// `specialValue` (API 2.12) is kept with the consent and returned with it, over the wire too (issue 12, item 15).
    @Test func aSpecialValueIsStoredAndReturned() async throws {
        let iys = simulation()
        var consent = Self.consent("+905551239001")
        consent.specialValue = "Müşteri no: 42"
        let saved = try iys.respond(to: SendConsentRequest(brandCode: Self.brand, consentData: consent), as: "admin")
        #expect(saved.consent.specialValue == "Müşteri no: 42")
        let queried = try iys.respond(to: ConsentStatusRequest(brandCode: Self.brand, recipient: "+905551239001", type: .message), as: "admin")
        #expect(queried.consent.specialValue == "Müşteri no: 42")
        let wire = String(decoding: try JSONEncoder().encode(queried), as: UTF8.self)
        #expect(wire.contains(#""specialValue":"Müşteri no: 42""#), "\(wire)")
        #expect(try JSONDecoder().decode(ConsentRecord.self, from: Data(wire.utf8)) == queried)
        consent.recipient = "+905551239002"
        consent.specialValue = String(repeating: "x", count: ConsentData.specialValueLength + 1)
        #expect(await error { _ = try iys.respond(to: SendConsentRequest(brandCode: Self.brand, consentData: consent), as: "admin") }?.code == .HM422)
    }

    /// The document's sample reply of a `SendConsentBatch` with wrong records (its missing comma before `"message"`
    /// put back): every key it prints is in the mock's reply to a partly failed batch with `isSaveSuccessData`.
    static let documentsBatchReply = """
    {"succeed": true, "data": {"transctionGuid": "638bfa83-c188-47a3-81e6-4aef718d27c5", "consentList": [
    {"recipient": "+905555555555", "recipientType": "BIREYSEL", "type": "MESAJ", "consentDate": "2018-02-10 09:30:00",
     "source": "HS_FIZIKSEL_ORTAM", "status": "ONAY", "portalStatusText": "Incorrect phone information", "portalStatus": 1,
     "errorMessage": "The phone number must be entered correctly."}]}, "message": null}
    """

    @Test func aPartlyFailedBatchWithSaveSuccessDataHasTheDocumentsShape() async throws {
        let iys = simulation()
        let records = [Self.consent("+905551112211"), Self.consent("+9055511122"), Self.consent("+905551112212")]
        let reply = try iys.respond(to: SendConsentBatchRequest(brandCode: Self.brand, consentData: records, isSaveSuccessData: true), as: "admin")
        let ours = try JSONSerialization.jsonObject(with: Data(IYSJSON.encode(reply)))
        let documents = try JSONSerialization.jsonObject(with: Data(Self.documentsBatchReply.utf8))
        let missing = JSONKeyPaths.of(documents).subtracting(JSONKeyPaths.of(ours))
        #expect(missing.isEmpty, "the reply lacks \(missing.sorted())")
        let object = try #require(ours as? [String: Any])
        #expect(object["succeed"] as? Bool == true)
        let list = try #require((object["data"] as? [String: Any])?["consentList"] as? [[String: Any]])
        #expect(list.map { $0["recipient"] as? String } == ["+9055511122"])
        #expect(list.first?["portalStatus"] as? Int == 1)
        #expect((list.first?["errorMessage"] as? String)?.contains("consentData[1].recipient") == true)
    }

    @Test func theMagicRecipientFailsOnIYS() async throws {
        let simulation = simulation()
        _ = try simulation.respond(to: SendConsentRequest(brandCode: Self.brand, consentData: Self.consent("+905551110018")), as: "admin")
        clock.advance(seconds: 3)
        let record = try simulation.respond(to: RecipientStatusRequest(recipient: "+905551110018"), as: "admin").first
        #expect(record?.iysSendStatus == .failed)
        #expect(record?.brandCode == Self.brand)
    }

    @Test func aBatchIsAllOrNothingUnlessSaveSuccessData() async throws {
        let simulation = simulation()
        let records = [Self.consent("+905551112201"), Self.consent("bad-number"), Self.consent("+905551112202")]
        // Without isSaveSuccessData: nothing saved, and, as the document's sample pairs such a batch with "Successful",
        // succeed with a GUID and every record returned, each saying why it was not saved (issue 25, item 9).
        let cancelled = try simulation.respond(to: SendConsentBatchRequest(brandCode: Self.brand, consentData: records), as: "admin")
        #expect(cancelled.succeed)
        #expect(cancelled.errorCode == nil)
        let cancelledGuid = try #require(cancelled.data?.transctionGuid)
        #expect(cancelled.data?.consentList.map(\.consent.recipient) == ["+905551112201", "bad-number", "+905551112202"])
        #expect(cancelled.data?.consentList.map(\.portalStatus) == [1, 1, 1])
        #expect(cancelled.data?.consentList[1].errorMessage?.hasPrefix("consentData[1].recipient") == true)
        #expect(cancelled.data?.consentList[0].errorMessage == "consentData[0]: cancelled, not saved: 1 of 3 records are wrong (consentData[1]); send isSaveSuccessData to save the valid ones")
        let missing = await error { _ = try simulation.respond(to: ConsentStatusRequest(brandCode: Self.brand, recipient: "+905551112201", type: .message), as: "admin") }
        #expect(missing?.code == .HM404)
        let cancelledStatus = try simulation.respond(to: BatchTransactionRequest(brandCode: Self.brand, transctionGuid: cancelledGuid), as: "admin")
        #expect(cancelledStatus.recordCount == 3 && cancelledStatus.errorRecordCount == 3 && cancelledStatus.insertedRecordCount == 0)

        let saved = try simulation.respond(to: SendConsentBatchRequest(brandCode: Self.brand, consentData: records, isSaveSuccessData: true), as: "admin").get()
        let guid = try #require(saved.transctionGuid)
        #expect(saved.consentList.map(\.consent.recipient) == ["bad-number"])
        let transaction = BatchTransactionRequest(brandCode: Self.brand, transctionGuid: guid)
        #expect(try simulation.respond(to: IYSBatchRecords(.successes, transaction), as: "admin").map(\.consent.recipient) == ["+905551112201", "+905551112202"])
        #expect(try simulation.respond(to: IYSBatchRecords(.errors, transaction), as: "admin").map(\.consent.recipient) == ["bad-number"])
        let status = try simulation.respond(to: transaction, as: "admin")
        #expect(status.recordCount == 3)
        #expect(status.insertedRecordCount == 2)
        #expect(status.errorRecordCount == 1)
        #expect(status.batchStatus == 1)
        clock.advance(seconds: 3)
        #expect(try simulation.respond(to: transaction, as: "admin").batchStatus == 2)
        #expect(try simulation.respond(to: IYSBatchRecords(.forwarding, transaction), as: "admin").map(\.iysSendStatus) == [.sent, .sent])
        var all = transaction
        all.isSendAllData = true
        #expect(try simulation.respond(to: IYSBatchRecords(.forwarding, all), as: "admin").map(\.iysSendStatus) == [.sent, .failed, .sent])
        let unknown = await error { _ = try simulation.respond(to: BatchTransactionRequest(brandCode: Self.brand, transctionGuid: "yok"), as: "admin") }
        #expect(unknown?.code == .HM404)
        let otherBrand = await error { _ = try simulation.respond(to: BatchTransactionRequest(brandCode: "1232322", transctionGuid: guid), as: "admin") }
        #expect(otherBrand?.code == .HM404)
    }

    @Test func aBatchReportsUpdatesAndRecordsUsedBefore() async throws {
        let simulation = simulation()
        // The seed has +905551230011 ONAY and +905551230012 RET.
        let batch = [
            Self.consent("+905551230011", .approved), Self.consent("+905551230012", .approved),
            Self.consent("+905551230013", .approved), Self.consent("+905551230011", .rejected, date: "2020-01-01 00:00:00", type: .call),
        ]
        let guid = try #require(try simulation.respond(to: SendConsentBatchRequest(brandCode: Self.brand, consentData: batch), as: "admin").get().transctionGuid)
        let transaction = BatchTransactionRequest(brandCode: Self.brand, transctionGuid: guid)
        let status = try simulation.respond(to: transaction, as: "admin")
        #expect((status.insertedRecordCount, status.updatedRecordCount, status.isUsedBeforeRecordCount, status.errorRecordCount) == (2, 1, 1, 0))
        // Updated lists the consent as it was before.
        #expect(try simulation.respond(to: IYSBatchRecords(.updated, transaction), as: "admin").map(\.consent.status) == [.rejected])
        #expect(try simulation.respond(to: IYSBatchRecords(.usedBefore, transaction), as: "admin").map(\.consent.recipient) == ["+905551230011"])
        // An older change than the recorded consent is refused.
        let stale = await error {
            _ = try simulation.respond(to: SendConsentRequest(brandCode: Self.brand, consentData: Self.consent("+905551230012", .rejected, date: "2020-01-01 00:00:00")), as: "admin")
        }
        #expect(stale?.code == .HM400)
    }

    @Test func aBatchOver1000RecordsIsHM422() async throws {
        let simulation = simulation()
        let records = (0..<1001).map { Self.consent("+9055511\(String(format: "%05d", $0))") }
        let refused = await error { _ = try simulation.respond(to: SendConsentBatchRequest(brandCode: Self.brand, consentData: records), as: "admin") }
        #expect(refused == IYSError(.HM422, "consentData: holds 1001 records; at most 1000 are accepted"))
        let exactly = try simulation.respond(to: SendConsentBatchRequest(brandCode: Self.brand, consentData: Array(records.prefix(1000))), as: "admin")
        #expect(exactly.succeed)
    }

    @Test func theQueryFiltersAndPagesStablyUnderInserts() async throws {
        let simulation = simulation()
        for index in 0..<25 {
            _ = try simulation.respond(to: SendConsentRequest(brandCode: Self.brand, consentData: Self.consent("+9055522200\(String(format: "%02d", index))", index % 5 == 0 ? .rejected : .approved)), as: "admin")
        }
        var request = ConsentQueryRequest(brandCode: Self.brand, limit: 10)
        request.type = [.message]
        var seen: [String] = []
        var page = try simulation.respond(to: request, as: "admin")
        seen += page.consentData.map(\.consent.recipient)
        // A consent added between pages comes after everything already there.
        _ = try simulation.respond(to: SendConsentRequest(brandCode: Self.brand, consentData: Self.consent("+905552229999")), as: "admin")
        while let after = page.afterValue {
            request.afterValue = after
            page = try simulation.respond(to: request, as: "admin")
            seen += page.consentData.map(\.consent.recipient)
        }
        // Two MESAJ seeds, 25 consents, and the one added: each once, in order.
        #expect(seen.count == 28)
        #expect(Set(seen).count == 28)
        #expect(seen.last == "+905552229999")
        var rejected = ConsentQueryRequest(brandCode: Self.brand)
        rejected.status = [.rejected]
        rejected.mainSource = [.brand]
        #expect(try simulation.respond(to: rejected, as: "admin").recordCount == 6)
        var email = ConsentQueryRequest(brandCode: Self.brand)
        email.type = [.email]
        #expect(try simulation.respond(to: email, as: "admin").consentData.map(\.consent.recipient) == ["ornek@example.com"])
        var dated = ConsentQueryRequest(brandCode: Self.brand)
        dated.consentDate = IYSDateTime("2024-01-15 10:04:00")
        dated.consentDateEnd = IYSDateTime("2024-01-15 10:06:00")
        #expect(try simulation.respond(to: dated, as: "admin").consentData.map(\.consent.recipient) == ["+905551230012"])
        let tooMany = await error { _ = try simulation.respond(to: ConsentQueryRequest(brandCode: Self.brand, limit: 10_001), as: "admin") }
        #expect(tooMany?.code == .HM422)
    }

    @Test func webhooksReachARealReceiverWithTheKeyAndAreRetried() async throws {
        let receiver = CallbackTests.Receiver()
        try await receiver.app.test(.live) { client in
            let port = try #require(client.port)
            let simulation = simulation(webhook: .init(url: "http://127.0.0.1:\(port)/hook", key: "gizli"))
            let dispatcher = CallbackDispatcher(clock: clock, timeout: .seconds(60))  // a loaded machine answers late: no retry for it
            _ = try simulation.respond(to: SendConsentRequest(brandCode: Self.brand, consentData: Self.consent("+905551112233")), as: "admin")
            _ = try simulation.changeOnIYS(for: "admin", brandCode: Self.brand, ConsentData(
                recipient: "+905551230011", type: .message, consentDate: IYSDateTime("2025-03-10 09:59:00"), source: .iys3338, status: .rejected
            ))
            await simulation.deliverWebhooks(through: dispatcher)
            let posts = try receiver.bodies.withLock { $0 }.map { try IYSJSON.decode(WebhookConsentModel.self, from: $0) }
            #expect(posts.map(\.webHookKey) == ["gizli", "gizli"])
            #expect(posts.map(\.consentData.recipient) == ["+905551112233", "+905551230011"])
            #expect(posts.last?.consentData.source == .iys3338)
            // The citizen's RET on İYS now decides commercial SMS.
            #expect(!simulation.consents.allowsCommercialSMS(brand: Self.brand, number: "905551230011"))
        }
        // A failing webhook is retried on the clock.
        try await receiver.app.test(.live) { client in
            let port = try #require(client.port)
            let simulation = simulation(webhook: .init(url: "http://127.0.0.1:\(port)/fail", key: "gizli"))
            let dispatcher = CallbackDispatcher(clock: clock, timeout: .seconds(60))  // a loaded machine answers late: no retry for it
            _ = try simulation.respond(to: SendConsentRequest(brandCode: Self.brand, consentData: Self.consent("+905551112233")), as: "admin")
            await simulation.deliverWebhooks(through: dispatcher)
            #expect(receiver.failures.withLock { $0 } == 1)
            clock.advance(seconds: 1)
            await simulation.deliverWebhooks(through: dispatcher)
            #expect(receiver.failures.withLock { $0 } == 2)
        }
    }
}
