import MockFixtures
import MockSimulations
import MySoftIYS
import NodeAPI
import Testing

/// The İYS gate on commercial SMS: the İYS state's consents, written by the İYS API, read by the Node API of its world.
@Suite struct CommercialGateTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    func pair(iysBrand: String? = "5565656556") -> (NodeAPISimulation, IYSSimulation) {
        var account = ScenarioFixtures.admin
        account.iysBrandCode = iysBrand
        let world = ProviderWorld(ProviderWorldState(
            nodeAPI: NodeAPIState(accounts: [account], now: clock.now()), iys: IYSState(accounts: [ScenarioFixtures.iysAdmin], now: clock.now())
        ))
        return (NodeAPISimulation(state: world.nodeAPI, clock: clock), IYSSimulation(state: world.iys, clock: clock))
    }

    func commercial(_ numbers: [GSMNumber]) -> CreateSmsRequest {
        var request = CreateSmsRequest(recipients: .oneToMany(numbers), sender: "BASLIK", title: "Kampanya", content: "İndirim başladı")
        request.commercial = true
        return request
    }

    @Test func onlyRecipientsWithOnayGetTheMessageAndOnlyTheyAreCharged() async throws {
        let (sms, _) = pair()
        // Seeds: …0011 ONAY, …0012 RET; …0099 has no record.
        let created = try sms.respond(to: commercial(["905551230011", "905551230012", "905551230099"]), as: "admin")
        #expect(try sms.respond(to: UserCreditRequest(), as: "admin").credit == 100_000 - 1)
        clock.advance(seconds: 10)
        let items = try sms.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list
        #expect(items.map(\.state) == [.delivered, .rejectedByOperator, .rejectedByOperator])
        #expect(items.map(\.credit) == [1, 0, 0])
        // The rejected ones are not refunded twice either.
        #expect(try sms.respond(to: UserCreditRequest(), as: "admin").credit == 100_000 - 1)
    }

    /// Reports say why (issue 25, item 11): an item the İYS gate refused and one the operator rejected are both -1, each
    /// with its own `error`; a package every item of which the gate refused says so too.
    @Test func itemsRefusedByTheGateAndRejectedByTheOperatorSayWhy() async throws {
        let (sms, _) = pair()
        // …0003 is rejected by the operator (a magic number) and has no consent record either: the gate comes first.
        let created = try sms.respond(to: commercial(["905551230011", "905551230012"]), as: "admin")
        let plain = try sms.respond(to: CreateSmsRequest(recipients: .oneToMany(["905551230003", "905551230011"]), sender: "BASLIK", title: "T", content: "Bilgi"), as: "admin")
        let refused = try sms.respond(to: commercial(["905551230012"]), as: "admin")
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list.map(\.error) == [nil, nil])
        clock.advance(seconds: 10)
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list.map(\.error) == [nil, "ERR_IYS_CONSENT_REQUIRED"])
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(plain.pkgID)), as: "admin").list.map(\.error) == ["ERR_OPERATOR_REJECTED", nil])
        let package = try sms.respond(to: ListSmsRequest(ids: [refused.pkgID]), as: "admin").list.first
        #expect(package?.state == .rejectedByOperator)
        #expect(package?.error == "ERR_IYS_CONSENT_REQUIRED")
    }

    @Test func aConsentSavedThroughTheIYSAPIDecidesTheNextPackage() async throws {
        let (sms, iys) = pair()
        _ = try iys.respond(to: SendConsentRequest(brandCode: "5565656556", consentData: ConsentData(
            recipient: "+905551230012", type: .message, consentDate: IYSDateTime("2025-03-10 09:00:00"), source: .web, status: .approved
        )), as: "admin")
        _ = try iys.respond(to: SendConsentRequest(brandCode: "5565656556", consentData: ConsentData(
            recipient: "+905551230011", type: .message, consentDate: IYSDateTime("2025-03-10 09:00:00"), source: .web, status: .rejected
        )), as: "admin")
        let created = try sms.respond(to: commercial(["905551230011", "905551230012"]), as: "admin")
        clock.advance(seconds: 10)
        let items = try sms.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list
        #expect(items.map(\.target) == ["905551230011", "905551230012"])
        #expect(items.map(\.state) == [.rejectedByOperator, .delivered])
    }

    @Test func aMerchantsOnayCountsAndOtherBrandsDoNot() async throws {
        let (sms, iys) = pair()
        _ = try iys.respond(to: SendConsentRequest(brandCode: "5565656556", consentData: ConsentData(
            recipient: "+905551230077", recipientType: .merchant, type: .message, consentDate: nil, source: .callCentre, status: .approved
        )), as: "admin")
        _ = try iys.respond(to: SendConsentRequest(brandCode: "1232322", consentData: ConsentData(
            recipient: "+905551230078", type: .message, consentDate: IYSDateTime("2025-03-10 09:00:00"), source: .web, status: .approved
        )), as: "admin")
        let created = try sms.respond(to: commercial(["905551230077", "905551230078"]), as: "admin")
        clock.advance(seconds: 10)
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list.map(\.state) == [.delivered, .rejectedByOperator])
    }

    /// `recipientType` (sent by public clients, not in the document) makes the gate read only that type's consent.
    @Test func recipientTypeReadsOnlyThatTypesConsent() async throws {
        let (sms, iys) = pair()
        _ = try iys.respond(to: SendConsentRequest(brandCode: "5565656556", consentData: ConsentData(
            recipient: "+905551230077", recipientType: .merchant, type: .message, consentDate: nil, source: .callCentre, status: .approved
        )), as: "admin")
        var individual = commercial(["905551230077"])
        individual.extras.recipientType = .individual
        var merchant = commercial(["905551230077"])
        merchant.extras.recipientType = .merchant
        merchant.content = "İndirim başladı!"
        let asIndividual = try sms.respond(to: individual, as: "admin")
        let asMerchant = try sms.respond(to: merchant, as: "admin")
        clock.advance(seconds: 10)
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(asIndividual.pkgID)), as: "admin").list.map(\.state) == [.rejectedByOperator])
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(asMerchant.pkgID)), as: "admin").list.map(\.state) == [.delivered])
    }

    /// `isNotAutoSendIYS` follows API 2.13 ("designed to be always true and asynchronous"): a consent sent with it, as the
    /// document's example does, is forwarded to İYS like any other, so the gate counts it; `isQueryFromIYS` reads
    /// İYS's side, where a consent İYS refused is not (issue 25, item 9).
    @Test func aConsentSentWithIsNotAutoSendIYSReachesIYSAndTheGate() async throws {
        let (sms, iys) = pair()
        let approval = ConsentData(recipient: "+905551230031", type: .message, consentDate: IYSDateTime("2025-03-10 09:00:00"), source: .web, status: .approved)
        let before = try sms.respond(to: commercial(["905551230031"]), as: "admin")
        let saved = try iys.respond(to: SendConsentRequest(brandCode: "5565656556", consentData: approval, isNotAutoSendIYS: true), as: "admin")
        #expect(saved.consent.status == .approved && saved.explanation == nil)
        #expect(try iys.respond(to: ConsentStatusRequest(brandCode: "5565656556", recipient: "+905551230031", type: .message, isQueryFromIYS: true), as: "admin").consent.status == .approved)
        // A RET sent with the flag withdraws the seeded ONAY on İYS too.
        let withdrawal = ConsentData(recipient: "+905551230011", type: .message, consentDate: IYSDateTime("2025-03-10 09:30:00"), source: .web, status: .rejected)
        _ = try iys.respond(to: SendConsentRequest(brandCode: "5565656556", consentData: withdrawal, isNotAutoSendIYS: true), as: "admin")
        #expect(try iys.respond(to: ConsentStatusRequest(brandCode: "5565656556", recipient: "+905551230011", type: .message, isQueryFromIYS: true), as: "admin").consent.status == .rejected)
        var again = commercial(["905551230031", "905551230011"])
        again.content = "İndirim sürüyor"
        let after = try sms.respond(to: again, as: "admin")
        clock.advance(seconds: 10)
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(before.pkgID)), as: "admin").list.map(\.state) == [.rejectedByOperator])
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(after.pkgID)), as: "admin").list.map { "\($0.target) \($0.state)" } == ["905551230031 delivered", "905551230011 rejectedByOperator"])
        // A consent İYS refuses (…0018) is not on İYS's side: the query from İYS has the one before, or none.
        let refused = ConsentData(recipient: "+905551230018", type: .message, consentDate: IYSDateTime("2025-03-10 09:00:00"), source: .web, status: .approved)
        _ = try iys.respond(to: SendConsentRequest(brandCode: "5565656556", consentData: refused), as: "admin")
        #expect(throws: IYSError.self) {
            try iys.respond(to: ConsentStatusRequest(brandCode: "5565656556", recipient: "+905551230018", type: .message, isQueryFromIYS: true), as: "admin")
        }
    }

    /// With İYS settings, a new contact's İYS state leaves 0 on the clock: 1 processing, then 3 accepted with its
    /// consent in the İYS mock's store (so a commercial SMS to it passes the gate), or -1 / -2 for the magic suffixes;
    /// `send: true` on update syncs it again (issue 12, items 8 and 13).
    @Test func aContactsIYSSyncMovesOnTheClockAndGivesItsConsent() async throws {
        let (sms, iys) = pair()
        func contact(_ gsm: GSMNumber) async throws -> Contact {
            try sms.respond(to: CreateContactRequest(contact: ContactFields(
                gsm: gsm, iys: ContactIysSettings(recipientType: .individual, source: .hsFizikselOrtam)
            )), as: "admin").made
        }
        func states() async throws -> [String: IysState] {
            let list = try sms.respond(to: ListContactsRequest(), as: "admin").list
            return Dictionary(uniqueKeysWithValues: list.map { ($0.gsm, $0.iys?.st ?? .waiting) })
        }
        let accepted = try await contact("905551230041")
        _ = try await contact("905551230005")
        _ = try await contact("905551230006")
        #expect(accepted.iys?.st == .waiting)
        let early = try sms.respond(to: commercial(["905551230041"]), as: "admin")
        clock.advance(seconds: 2)
        #expect(try await states() == ["905551230041": .processing, "905551230005": .processing, "905551230006": .processing])
        clock.advance(seconds: 2)
        #expect(try await states() == ["905551230041": .accepted, "905551230005": .rejected, "905551230006": .invalidNumber])
        let filtered = try sms.respond(to: ListContactsRequest(iysState: .accepted), as: "admin").list.map(\.gsm)
        #expect(filtered == ["905551230041"])
        let record = try iys.respond(to: ConsentStatusRequest(brandCode: "5565656556", recipient: "+905551230041", type: .message), as: "admin")
        #expect(record.consent.status == .approved && record.consent.source == .physical)
        do {
            _ = try iys.respond(to: ConsentStatusRequest(brandCode: "5565656556", recipient: "+905551230005", type: .message), as: "admin")
            Issue.record("a contact İYS rejected gives no consent")
        } catch {
            #expect(error.code == .HM404)
        }
        var later = commercial(["905551230041"])
        later.content = "İndirim sürüyor"
        let after = try sms.respond(to: later, as: "admin")
        clock.advance(seconds: 10)
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(early.pkgID)), as: "admin").list.map(\.state) == [.rejectedByOperator])
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(after.pkgID)), as: "admin").list.map(\.state) == [.delivered])
        // Synced again: back to 0, then on the clock.
        _ = try sms.respond(to: UpdateContactRequest(uuid: accepted.uuid, contact: ContactFields(iys: ContactIysSettings(send: true))), as: "admin")
        #expect(try await states()["905551230041"] == .waiting)
        clock.advance(seconds: 4)
        #expect(try await states()["905551230041"] == .accepted)
    }

    @Test func nonCommercialPackagesAreNotGatedAndNoSettingsIsSMS30() async throws {
        let (sms, _) = pair()
        var plain = commercial(["905551230012"])
        plain.commercial = false
        let created = try sms.respond(to: plain, as: "admin")
        clock.advance(seconds: 10)
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list.map(\.state) == [.delivered])
        var account = ScenarioFixtures.admin
        account.hasIysSettings = false
        let world = ProviderWorld(ProviderWorldState(nodeAPI: NodeAPIState(accounts: [account], now: clock.now()), iys: IYSState(accounts: [], now: clock.now())))
        let bare = NodeAPISimulation(state: world.nodeAPI, clock: clock)
        #expect(await error { _ = try bare.respond(to: commercial(["905551230011"]), as: "admin") }?.code == "ERR_USER_IYS_SETTINGS_NOT_FOUND")
    }
}
