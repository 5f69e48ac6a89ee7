import Foundation
import Hummingbird
import MockProviders
import MockSimulations
import NodeAPI
import ProviderClients
import Testing
import WireCoding

/// Every one of the 22 Node API operations through the client, on both transports, against the mock's seeds
/// and a manual clock (so packages complete without waiting).
@Suite struct NodeAPIClientOperationsTests {
    @Test(arguments: [WireFormat.json, .soap])
    func everyOperationsHappyPath(_ transport: WireFormat) async throws {
        let clock = ManualClock(turkey: WireDate("2026-11-23 10:00")!)
        try await LiveMocks.nodeAPI(clock: clock, mockOnly: true) { endpoint in
            let client = NodeAPIClientTests.client(endpoint, transport)
            let credit = try await client.send(UserCreditRequest()).credit

            // Sending: the three sending types, OTP and KVKK.
            let single = try await client.send(CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "Tekil", content: "Merhaba ğüşıöç İ"))
            _ = try await client.send(CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230013"]), sender: "BASLIK", title: "Çoklu", content: "Toplu"))
            _ = try await client.send(CreateSmsRequest(
                recipients: .manyToMany([PersonalMessage(nr: "905551230011", msg: "Ayşe Hanım"), PersonalMessage(nr: "905551230013", msg: "Mehmet Bey")]),
                sender: "BASLIK", title: "Kişiye özel", content: nil
            ))
            _ = try await client.send(CreateOtpRequest(number: "905551230011", sender: "BASLIK", content: "Kodunuz: 123456", validity: 5))
            _ = try await client.send(CreateKvkkRequest(
                number: .init(nr: "905551230011", cfs: ["FIRST_NAME": "Ayşe", "LAST_NAME": "Yılmaz"]), sender: "BASLIK",
                content: "Merhaba FIRST_NAME LAST_NAME, izin linkiniz SHORT_LINK"
            ))
            #expect(try await client.send(UserCreditRequest()).credit == credit - 7)

            // A scheduled package is cancelled; a completed one is recreated.
            let later = try await client.send(CreateSmsRequest(
                recipients: .single("905551230013"), sender: "BASLIK", title: "İleri tarihli", content: "Yarın", sendingDate: WireDate("2026-11-24 10:00")
            ))
            #expect(try await client.send(CancelSmsRequest(package: .id(later.pkgID))).status == 1)
            clock.advance(seconds: 60)
            let again = try await client.send(RecreateSmsRequest(package: .id(single.pkgID), title: "Yeniden", includeNewNumbers: false))
            #expect(again.pkgID != single.pkgID)

            // Reading.
            #expect(try await client.send(ListSmsRequest(ids: [single.pkgID])).list.map(\.id) == [single.pkgID])
            #expect(try await client.send(ListSmsItemsRequest(package: .id(single.pkgID))).list.map(\.target) == ["905551230011"])
            #expect(try await client.send(ListSendersRequest()).list.contains { $0.title == "BASLIK" })
            _ = try await client.send(SmsSummaryRequest())
            #expect(try await client.send(InquiryNumberRequest(gsm: "905551230011")).stats.totalRecord >= 1)

            // The address book.
            let contact = try await client.send(CreateContactRequest(contact: ContactFields(gsm: "905001234567", firstName: "Zafer", lastName: "Altun"))).made
            #expect(try await client.send(UpdateContactRequest(uuid: contact.uuid, contact: ContactFields(gsm: "905001234567", firstName: "Zafer", lastName: "Öztürk"))).status == 1)
            #expect(try await client.send(ListContactsRequest()).list.contains { $0.lastName == "Öztürk" })
            let group = try await client.send(CreateGroupRequest(title: "Müşteriler")).made
            #expect(try await client.send(UpdateGroupRequest(uuid: group.uuid, title: "Sadık Müşteriler")).status == 1)
            #expect(try await client.send(ListGroupsRequest()).list.map(\.title).contains("Sadık Müşteriler"))
            _ = try await client.send(ImportContactsRequest(csvData: "'GSM','FIRST_NAME'\n'905001234568','Şule'", columns: ["gsm", "first_name"]))
            _ = try await client.send(SetBlacklistRequest(status: true, gsms: ["905001234599"]))
            #expect(try await client.send(DeleteContactsRequest(uuids: [contact.uuid])).status == 1)
            #expect(try await client.send(DeleteGroupsRequest(target: .uuids([group.uuid]))).status == 1)
            _ = try await client.send(ListMoRequestsRequest())
        }
    }

    @Test func aCancelledCallIsACancellation() async throws {
        let router = Router()
        router.post("/user/credit") { _, _ -> Response in
            try await Task.sleep(for: .milliseconds(500))
            return Response(status: .ok)
        }
        try await LiveMocks.live(router) { port in
            let client = NodeAPIClientTests.client(.init(baseURL: "http://127.0.0.1:\(port)", username: "a", password: "b"), .json)
            let call = Task { try await client.send(UserCreditRequest()) }
            call.cancel()
            let result = await call.result
            guard case .failure(let error) = result, case .transport(let problem)? = error as? NodeAPIClientError else {
                Issue.record("\(result)"); return
            }
            #expect(problem.kind == .cancelled)
        }
    }
}

extension SavedReply {
    /// What was created: a failed test when the reply is an update's status.
    var made: Created {
        get throws { try #require(created, "the reply is an update's status, not what was created") }
    }
}
