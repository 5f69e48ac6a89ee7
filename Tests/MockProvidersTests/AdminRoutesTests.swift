import EuromsgExpress
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MockAdmin
import MockFixtures
@testable import MockProviders
@testable import MockSimulations
import MySoftIYS
import NodeAPI
import Testing

/// Issue 14, the admin API's clock in process: an advance runs what fell due, and sends it, before it answers.
@Suite struct AdminRoutesTests {
    static let start: Int64 = 1_764_662_400_000 // 2025-12-02T08:00:00Z

    @Test func anAdvanceSendsTheReportsDueBeforeItAnswers() async throws {
        let receiver = CallbackTests.Receiver()
        try await receiver.app.test(.live) { hooks in
            let port = try #require(hooks.port)
            let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: SwitchableClock(mode: .manual, now: Self.start))
            var request = CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230001"]), sender: "BASLIK", title: "T", content: "Saat")
            request.pushSettings = PushSettings(url: "http://127.0.0.1:\(port)/hook")
            let created = try mocks.nodeAPI.respond(to: request, as: "admin")
            try await Application(router: mocks.adminRouter()).test(.router) { admin in
                let early = try await admin.execute(uri: "/__admin/clock/advance", method: .post, body: ByteBuffer(string: #"{"seconds": 1}"#))
                #expect(early.status == .ok)
                #expect(receiver.bodies.withLock { $0.isEmpty })
                let due = try await admin.execute(uri: "/__admin/clock/advance", method: .post, body: ByteBuffer(string: #"{"seconds": 4}"#))
                #expect(due.status == .ok)
                let clock = try JSONDecoder().decode(AdminModels.Clock.self, from: due.body)
                #expect(clock == AdminModels.Clock(mode: .manual, now: "2025-12-02T08:00:05.000Z", epochMillis: Self.start + 5000))
                // Already there when the advance answered: no poll, no sleep.
                let report = try receiver.bodies.withLock { try JSONDecoder().decode(DeliveryReport.self, from: Data(try #require($0.first))) }
                #expect(report.pkg.id == created.pkgID)
            }
        }
    }

    /// `POST /__admin/reset`: every provider back to the scenario (or one, with `?provider=`); ids go on.
    @Test func aResetPutsTheProvidersBackToTheScenario() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: SwitchableClock(mode: .manual, now: Self.start))
        let sms = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Sıfırlanacak")
        let first = try mocks.nodeAPI.respond(to: sms, as: "admin")
        let credit = try mocks.nodeAPI.respond(to: UserCreditRequest(), as: "admin").credit
        let demo = ScenarioFixtures.expressDemo
        let list = try mocks.euromsg.respond(to: CreateListRequest(EmailListName(name: "Geçici")), as: demo)
        _ = try mocks.iys.respond(to: SendConsentRequest(brandCode: IYSSimulationTests.brand, consentData: IYSSimulationTests.consent("+905551112233")), as: "admin")
        let key = ConsentKey(recipient: "+905551112233", type: .message, recipientType: .individual)
        #expect(mocks.iys.consents.entry(brand: IYSSimulationTests.brand, key: key) != nil)
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let euromsgOnly = try await admin.execute(uri: "/__admin/reset?provider=euromsg", method: .post)
            #expect(try JSONDecoder().decode(AdminModels.Reset.self, from: euromsgOnly.body) == AdminModels.Reset(reset: ["euromsg"]))
            #expect(try !mocks.euromsg.respond(to: ListListsRequest(), as: demo).contains { $0.id == list.id })
            #expect(try mocks.nodeAPI.respond(to: UserCreditRequest(), as: "admin").credit == credit, "the Node API is left as it was")

            let all = try await admin.execute(uri: "/__admin/reset", method: .post)
            #expect(try JSONDecoder().decode(AdminModels.Reset.self, from: all.body) == AdminModels.Reset(reset: ["node-api", "iys", "euromsg"]))
            let wrong = try await admin.execute(uri: "/__admin/reset?provider=sms", method: .post)
            #expect(wrong.status == .badRequest)
            #expect(try JSONDecoder().decode(AdminModels.Failure.self, from: wrong.body).field == "provider")
        }
        #expect(try mocks.nodeAPI.respond(to: UserCreditRequest(), as: "admin").credit > credit, "the scenario's credit again")
        #expect(try mocks.nodeAPI.respond(to: ListSmsRequest(), as: "admin").list.isEmpty)
        #expect(mocks.iys.consents.entry(brand: IYSSimulationTests.brand, key: key) == nil)
        #expect(try mocks.nodeAPI.respond(to: sms, as: "admin").pkgID > first.pkgID, "ids go on after a reset")
        #expect(try mocks.euromsg.respond(to: CreateListRequest(EmailListName(name: "Geçici")), as: demo).id > list.id)
    }

    /// `GET /__admin/sms?to=`: what the handset received, newest first, with the code an OTP text carries; the state
    /// follows the clock; the retention bounds it.
    @Test func theInboxShowsWhatAHandsetReceived() async throws {
        var scenario = try Scenario.bundled()
        scenario.nodeAPI.retainedPackagesPerUser = 3
        let mocks = ProviderMocks(scenario: scenario, clock: SwitchableClock(mode: .manual, now: Self.start))
        let old = try mocks.nodeAPI.respond(to: CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Eski"), as: "admin")
        let many = try mocks.nodeAPI.respond(to: CreateSmsRequest(
            recipients: .manyToMany([PersonalMessage(nr: "905551230011", msg: "Sayın Ayşe, siparişiniz yolda"), PersonalMessage(nr: "905551230012", msg: "Sayın Ali")]),
            sender: "BASLIK", title: "T", content: nil
        ), as: "admin")
        let otp = try mocks.nodeAPI.respond(to: CreateOtpRequest(number: "05551230011", sender: "BASLIK", content: "Doğrulama kodunuz: 482913. Sorun olursa 05559998877 numarasını arayın."), as: "admin")
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            func inbox(_ query: String) async throws -> [HandsetMessage] {
                let reply = try await admin.execute(uri: "/__admin/sms?\(query)", method: .get)
                #expect(reply.status == .ok, "\(String(buffer: reply.body))")
                return try JSONDecoder().decode(AdminModels.Inbox.self, from: reply.body).messages
            }
            let messages = try await inbox("to=%2B90%20555%20123%2000%2011")
            #expect(messages.map(\.pkgID) == [otp.pkgID, many.pkgID, old.pkgID])
            #expect(messages.map(\.otp) == ["482913", nil, nil])
            #expect(messages[1].text == "Sayın Ayşe, siparişiniz yolda")
            #expect(messages.allSatisfy { $0.to == "905551230011" })
            #expect(messages.map(\.stateName) == ["pending", "pending", "pending"], "at the instant they were created: not yet sent")
            #expect(try await inbox("to=905551230012").map(\.text) == ["Sayın Ali"])
            #expect(try await inbox("limit=2").count == 2)
            // Once the reports are due, the state says so.
            _ = try await admin.execute(uri: "/__admin/clock/advance", method: .post, body: ByteBuffer(string: #"{"seconds": 10}"#))
            #expect(try await inbox("to=905551230011").first?.stateName == "delivered")
            // The retention forgets the oldest package, and the inbox with it.
            _ = try mocks.nodeAPI.respond(to: CreateSmsRequest(recipients: .single("905551230013"), sender: "BASLIK", title: "T", content: "Yeni"), as: "admin")
            #expect(try await inbox("to=905551230011").map(\.pkgID) == [otp.pkgID, many.pkgID])
            let wrong = try await admin.execute(uri: "/__admin/sms?to=12345", method: .get)
            #expect(wrong.status == .badRequest)
            #expect(try JSONDecoder().decode(AdminModels.Failure.self, from: wrong.body).field == "to")
        }
    }

    @Test func aOneTimeCodeIsTheFirstRunOfFourToEightDigits() {
        #expect(NodeAPIState.oneTimeCode(in: "Kodunuz 123 değil, 4829") == "4829")
        #expect(NodeAPIState.oneTimeCode(in: "05559998877 arayın, kod: 12345678") == "12345678")
        #expect(NodeAPIState.oneTimeCode(in: "Kod: ١٢٣٤٥٦ (Arapça rakamlar sayılmaz)") == nil)
        #expect(NodeAPIState.oneTimeCode(in: "482913") == "482913")
        #expect(NodeAPIState.oneTimeCode(in: "") == nil)
    }

    @Test func theClockNeverGoesBackwards() throws {
        let wall = ManualClock(Self.start)
        let clock = SwitchableClock(mode: .manual, now: Self.start, system: wall)
        wall.advance(seconds: 100)
        #expect(clock.now() == Self.start, "a manual clock stands still")
        try clock.advance(milliseconds: 3_600_000)
        #expect(clock.now() == Self.start + 3_600_000)
        // Back on the wall clock, which is behind: the advance is kept as an offset, and the clock runs on from there.
        try clock.set(mode: .system, now: nil)
        #expect(clock.now() == Self.start + 3_600_000)
        wall.advance(seconds: 1)
        #expect(clock.now() == Self.start + 3_601_000)
        #expect(throws: Refusal.self) { try clock.advance(milliseconds: 1) }
        #expect(throws: Refusal.self) { try clock.set(mode: .manual, now: Self.start) }
        try clock.set(mode: .manual, now: nil)
        #expect(throws: Refusal.self) { try clock.advance(milliseconds: -1) }
        // Bounded: the clock stops at the end of 9999 rather than overflow.
        try clock.advance(milliseconds: .max)
        #expect(clock.now() == ManualClock.range.upperBound)
    }
}
