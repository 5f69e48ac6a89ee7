import Foundation
import Hummingbird
import HummingbirdTesting
import MockAdmin
import MockProviders
import MockSimulations
import MySoftIYS
import NodeAPI
import ProviderClients
import ProviderMockTesting
import Testing

/// Issue 14, the in-process harness: the mocks on ports the OS assigns, and each admin operation through its typed
/// handle, as a Swift test of an application would use them.
@Suite struct HarnessTests {
    static let start: Int64 = 1_764_662_400_000 // 2025-12-02T08:00:00Z

    static func client(_ running: ProviderMockHarness.Running) -> NodeAPIClient {
        NodeAPIClient(.init(baseURL: running.nodeAPI.absoluteString, username: "admin", password: "123456"))
    }

    /// Send an OTP through the client; wait for it; read the code; skip to its delivery; see the report's attempt.
    @Test func anOTPArrivesIsReadAndIsDeliveredWhenTheClockMoves() async throws {
        // A receiver with no routes: every report is answered 404 at once (the mocks' own ports refuse callbacks).
        let closed = Application(router: Router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await closed.test(.live) { closedReceiver in
            let receiverPort = try #require(closedReceiver.port)
            try await ProviderMockHarness.withMocks(start: Self.start) { running in
                let control = running.control
                #expect(try await control.clock().now == "2025-12-02T08:00:00.000Z")
                async let arriving = control.waitForSMS(to: "05551230011", timeout: .seconds(30))
                // The wait has begun once it subscribes; a package stored earlier would not be new to it.
                while running.mocks.events.subscriberCount == 0 { await Task.yield() }
                var otp = CreateOtpRequest(number: "05551230011", sender: "BASLIK", content: "Doğrulama kodunuz: 604218")
                let receiver = "http://127.0.0.1:\(receiverPort)/kapali"
                otp.pushSettings = PushSettings(url: receiver)
                let created = try await Self.client(running).send(otp)
                let sms = try await arriving
                #expect(sms.pkgID == created.pkgID && sms.otp == "604218" && sms.stateName == "pending")
    
                try await control.advanceClock(by: .seconds(10))
                let delivered = try #require(try await control.inbox(for: "905551230011").first)
                #expect(delivered.stateName == "delivered")
                #expect(delivered.history.map(\.stateName) == ["pending", "sending", "sent", "delivered"])
                let attempt = try #require(try await control.callbacks().attempts.first)
                #expect(attempt.url == receiver && attempt.status == 404 && attempt.outcome == .retrying)
                #expect(attempt.nextAttemptAt == "2025-12-02T08:00:11.000Z")
    
                let journal = try await control.journal(provider: .nodeAPI, path: "/sms/create-otp")
                #expect(journal.map(\.status) == [200])
                #expect(journal.first?.requestBody.contains("604218") == true)
            }
        }
    }

    /// A fault through the handle fails the client's next call with the catalogue error; a reset removes it.
    @Test func aFaultInjectedThroughTheHandleReachesTheClient() async throws {
        try await ProviderMockHarness.withMocks { running in
            let control = running.control
            let fault = try await control.inject(Fault.Request(provider: .nodeAPI, operation: "getUserCredit", error: "SMS18", times: 1))
            let error = await #expect(throws: NodeAPIClientError.self) { try await Self.client(running).send(UserCreditRequest()) }
            #expect(error?.catalogueEntry?.name == "ERR_USER_CREDIT_REQUIRED")
            #expect(try await control.faults().map(\.fired) == [1])
            _ = try await Self.client(running).send(UserCreditRequest())

            try await control.inject(Fault.Request(provider: .nodeAPI, path: "/user/credit", error: "SMS99"))
            try await control.reset()
            #expect(try await control.faults().isEmpty)
            _ = try await Self.client(running).send(UserCreditRequest())
            #expect(fault.id == "f-1")
            await #expect(throws: AdminModels.Failure.self) { try await control.removeFaults(id: "f-1") }
        }
    }

    /// The clock set, the journal emptied, the consents and campaigns read, the scenario read and replaced, and the event
    /// stream followed, through the handle.
    @Test func clockJournalViewsScenarioAndEventsThroughTheHandle() async throws {
        try await ProviderMockHarness.withMocks(start: Self.start) { running in
            let control = running.control
            let events = control.events(types: ["package"])
            var iterator = events.makeAsyncIterator()
            while running.mocks.events.subscriberCount == 0 { await Task.yield() }
            let created = try await Self.client(running).send(CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Olay"))
            let event = try #require(try await iterator.next())
            #expect(event.type == "package" && event.json.contains("\"pkgID\":\(created.pkgID)"))

            #expect(try await control.setClock(now: "2025-12-03T08:00:00Z").now == "2025-12-03T08:00:00.000Z")
            #expect(try await control.setClock(mode: .system).mode == .system)
            #expect(try await control.journal(provider: .nodeAPI).count == 1)
            try await control.clearJournal(.nodeAPI)
            #expect(try await control.journal(provider: .nodeAPI).isEmpty)
            #expect(try await control.consents(brandCode: "5565656556").allSatisfy { $0.brandCode == "5565656556" })
            #expect(try await control.campaigns().allSatisfy { !$0.apiKey.isEmpty })

            let text = try await control.scenario()
            #expect(text.contains("nodeAPI:"))
            let restart = try await control.replaceScenario(text.replacingOccurrences(of: "journalSize: 1000", with: "journalSize: 10"))
            #expect(restart.contains("nodeAPI.journalSize"))
            let refused = await #expect(throws: AdminModels.Failure.self) { try await control.replaceScenario("nodeAPI: [") }
            #expect(refused?.status == 400 && refused?.field == "body")
        }
    }

    /// Run-time data and an incoming SMS through the handle; a bad call is thrown with its status and field.
    @Test func dataAndIncomingSMSThroughTheHandle() async throws {
        try await ProviderMockHarness.withMocks { running in
            let control = running.control
            try await control.setCredit("admin", to: 1)
            #expect(try await control.topUp("admin", by: 9) == 10)
            #expect(try await Self.client(running).send(UserCreditRequest()).credit == 10)
            let senders = try await control.setSender("admin", title: "BEKLEYEN", state: "approved")
            #expect(senders.contains { $0.title == "BEKLEYEN" && $0.state == "approved" })
            _ = try await Self.client(running).send(CreateSmsRequest(recipients: .single("905551230011"), sender: "BEKLEYEN", title: "T", content: "Onaylandı"))
            let opted = try await control.receiveSMS(from: "905551230011", text: "RET BEKLEYEN")
            #expect(opted.state == .complete)
            let consent = ConsentData(recipient: "+905551230099", type: .message, consentDate: IYSDateTime("2025-12-01 10:00:00"), source: .iysWeb, status: .approved)
            _ = try await control.addConsent(consent, brandCode: "5565656556")
            let failure = await #expect(throws: AdminModels.Failure.self) { try await control.topUp("kimse", by: 1) }
            #expect(failure?.status == 404 && failure?.field == "user")
            let late = await #expect(throws: AdminModels.Failure.self) { try await control.waitForSMS(to: "905551230011", timeout: .milliseconds(50)) }
            #expect(late?.status == 408)
        }
    }

    /// Issue 26: parallel Swift tests share one harness, each in a world of its own (`MockControl.world`): the same test
    /// number gets each world's own code, and each handle's clock and inbox are its world's.
    @Test func parallelTestsShareOneHarnessEachInItsWorld() async throws {
        try await ProviderMockHarness.withMocks(start: Self.start) { running in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        let (world, control) = try await running.control.world(AdminModels.CreateWorld(name: "test \(index)", clock: "manual"))
                        let base = try #require(world.urls.nodeAPI)
                        #expect(base.hasSuffix("/worlds/\(world.id)"))
                        let client = NodeAPIClient(.init(baseURL: base, username: "admin", password: "123456"))
                        _ = try await client.send(CreateOtpRequest(number: "05551230011", sender: "BASLIK", content: "Kodunuz \(4000 + index)"))
                        let message = try await control.waitForSMS(to: "05551230011", after: 0, timeout: .seconds(10))
                        #expect(message.otp == "\(4000 + index)")
                        try await control.advanceClock(by: .seconds(3600))
                        #expect(try await control.inbox(for: "05551230011").map(\.otp) == ["\(4000 + index)"])
                        try await running.control.deleteWorld(world.id)
                    }
                }
                try await group.waitForAll()
            }
            // The default world saw none of it, and its clock did not move.
            #expect(try await running.control.inbox(for: "05551230011").isEmpty)
            #expect(try await running.control.clock().now == "2025-12-02T08:00:00.000Z")
            #expect(try await running.control.worlds().isEmpty)
        }
    }
}
