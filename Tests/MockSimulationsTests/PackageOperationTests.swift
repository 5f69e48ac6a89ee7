import MockFixtures
import MockSimulations
import NodeAPI
import Testing

/// KVKK messages, recreating packages, and the inquiry of a number.
@Suite struct PackageOperationTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)


    @Test func kvkkFillsTheNamesAndTheLink() async throws {
        let simulation = simulation()
        let created = try simulation.respond(to: CreateKvkkRequest(
            number: .init(nr: "905551230011", cfs: ["FIRST_NAME": "Şule", "LAST_NAME": "Öztürk"]), sender: "BASLIK",
            content: "Merhaba FIRST_NAME LAST_NAME, KVKK izni için: SHORT_LINK"
        ), as: "admin")
        let item = try #require(try simulation.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list.first)
        #expect(item.msg == "Merhaba Şule Öztürk, KVKK izni için: " + CreateKvkkRequest.link(for: "905551230011"))
        #expect(item.credit == 1)
    }

    /// The document's rule for create-kvkk: validity "ör: 5, varsayılan: 6", minutes (issue 12, item 14).
    @Test func kvkkValidityIsTheDocumentsThreeToSixMinutes() async throws {
        let simulation = simulation()
        func kvkk(_ validity: Int?, _ number: String) -> CreateKvkkRequest {
            CreateKvkkRequest(number: .init(nr: GSMNumber(number), cfs: ["FIRST_NAME": "Şule", "LAST_NAME": "Öztürk"]), sender: "BASLIK",
                              content: "Merhaba FIRST_NAME LAST_NAME: SHORT_LINK", validity: validity)
        }
        let example = try simulation.respond(to: kvkk(5, "905551230011"), as: "admin")
        let byDefault = try simulation.respond(to: kvkk(nil, "905551230012"), as: "admin")
        let listed = try simulation.respond(to: ListSmsRequest(ids: [example.pkgID, byDefault.pkgID]), as: "admin").list
        #expect(Set(listed.map(\.validity)) == [5, 6])
        #expect(await error { _ = try simulation.respond(to: kvkk(60, "905551230013"), as: "admin") }?.message.contains("validity: must be between 3 and 6") == true)
    }

    /// Personalised one-to-many, as public clients send it: each item's text has its fields filled in, is shown as
    /// its `msg` and charged by its own length (issue 12, item 3).
    @Test func personalisedOneToManyFillsEachRecipientsFields() async throws {
        let simulation = simulation()
        let long = String(repeating: "Çok uzun bir soyadı ", count: 8)
        let created = try simulation.respond(to: CreateSmsRequest(
            recipients: .personalised(fields: ["NAME", "NAME_2"], numbers: [
                PersonalisedNumber(nr: "905551230011", cfs: ["NAME": "Ahmet", "NAME_2": "Yılmaz"]),
                PersonalisedNumber(nr: "905551230012", cfs: ["NAME": "Ayşe", "NAME_2": long]),
                PersonalisedNumber(nr: "905551230013"),
            ]),
            sender: "BASLIK", title: "Kişisel", content: "Merhaba NAME NAME_2", encoding: .turkish
        ), as: "admin")
        let items = try simulation.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list
        #expect(items.map(\.msg) == ["Merhaba Ahmet Yılmaz", "Merhaba Ayşe " + long, "Merhaba  "])
        #expect(items.map(\.credit) == [1, 2, 1])
        let package = try #require(try simulation.respond(to: ListSmsRequest(ids: [created.pkgID]), as: "admin").list.first)
        #expect(package.content == "Merhaba NAME NAME_2")
        #expect(package.statistics.credit == 4)
    }

    @Test func recreateOnlyCompletePackagesAndChargesAgain() async throws {
        let simulation = simulation()
        let first = try simulation.respond(to: CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230012"]), sender: "BASLIK", title: "İlk", content: "c"), as: "admin")
        let early = await error { _ = try simulation.respond(to: RecreateSmsRequest(package: .id(first.pkgID), title: "Tekrar", includeNewNumbers: false), as: "admin") }
        #expect(early?.code == "ERR_SMS_PKG_NOT_CHANGEABLE")
        clock.advance(seconds: 10)
        let again = try simulation.respond(to: RecreateSmsRequest(package: .id(first.pkgID), title: "Tekrar", includeNewNumbers: true), as: "admin")
        #expect(again.pkgID != first.pkgID)
        let listed = try simulation.respond(to: ListSmsRequest(ids: [again.pkgID]), as: "admin").list
        #expect(listed.first?.title == "Tekrar")
        #expect(listed.first?.statistics.rCount == 2)
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == 100_000 - 4)
    }

    @Test func inquiryFindsWhatWentToANumber() async throws {
        let simulation = simulation()
        _ = try simulation.respond(to: CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230012"]), sender: "BASLIK", title: "A", content: "birinci"), as: "admin")
        clock.advance(minutes: 10)
        _ = try simulation.respond(to: CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "B", content: "ikinci"), as: "admin")
        clock.advance(seconds: 10)
        let found = try simulation.respond(to: InquiryNumberRequest(gsm: "0555 123 00 11"), as: "admin")
        #expect(found.list.map(\.msg) == ["ikinci", "birinci"])
        #expect(found.list.allSatisfy { $0.state == .delivered && $0.operator == .turkTelekom && $0.username == "admin" })
        let older = try simulation.respond(to: InquiryNumberRequest(gsm: "905551230011", startDate: WireDate("2025-01-01 00:00"), finishDate: WireDate("2025-03-10 10:05")), as: "admin")
        #expect(older.list.map(\.msg) == ["birinci"])
        let tooLong = await error { _ = try simulation.respond(to: InquiryNumberRequest(gsm: "905551230011", startDate: WireDate("2024-01-01 00:00")), as: "admin") }
        #expect(tooLong?.code == "ERR_INVALID_DATE_RANGE")
    }
}
