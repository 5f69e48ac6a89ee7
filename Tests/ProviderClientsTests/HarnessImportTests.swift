import NodeAPI
import ProviderClients
import ProviderMockTesting
import Testing

/// The README's harness example, with `import ProviderMockTesting` the only import of the mocks: the fault's request,
/// the clock's reply and the inbox's message are named through it (``ProviderMockTesting`` re-exports them), as a test
/// in another package names them.
@Suite struct HarnessImportTests {
    @Test func theReadmeExampleNeedsOneImportOfTheMocks() async throws {
        try await ProviderMockHarness.withMocks(start: 1_764_662_400_000) { running in
            let client = NodeAPIClient(.init(baseURL: running.nodeAPI.absoluteString, username: "admin", password: "123456"))
            _ = try await client.send(CreateOtpRequest(number: "05551230011", sender: "BASLIK", content: "Kodunuz: 604218"))
            // Stored before the reply: the inbox has it (a `waitForSMS` begun now would wait for the next one).
            let sms: HandsetMessage = try #require(try await running.control.inbox(for: "905551230011").first)
            #expect(sms.otp == "604218")
            let clock: AdminModels.Clock = try await running.control.advanceClock(by: .seconds(10))
            #expect(clock.now == "2025-12-02T08:00:10.000Z")
            let fault: Fault = try await running.control.inject(Fault.Request(provider: .nodeAPI, path: "/sms/create", error: "SMS18", times: 3))
            #expect(fault.origin == .admin)
            try await running.control.reset()
            #expect(try await running.control.faults().isEmpty)
            let scenario: Scenario = try Scenario.bundled()
            #expect(!scenario.nodeAPI.accounts.isEmpty)
        }
    }
}
