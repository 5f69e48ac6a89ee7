import Foundation
import MockProviders
import MockSimulations
import MySoftIYS
import NodeAPI
import ProviderClients
import Testing

/// The MySoft İYS client against the mock over real HTTP: one token reused, one token request however many
/// calls wait, renewal before expiry and once on a 401, and every refusal typed.
@Suite struct MySoftIYSClientTests {
    let clock = ManualClock(turkey: WireDate("2026-11-23 10:00")!)

    func client(_ baseURL: String, password: String = "123456", followsMockClock: Bool = true) -> MySoftIYSClient {
        let clock = clock
        let mockTime: @Sendable () -> Date = { Date(timeIntervalSince1970: Double(clock.now()) / 1000) }
        let wallTime: @Sendable () -> Date = { Date() }
        return MySoftIYSClient(.init(baseURL: baseURL, username: "admin", password: password), now: followsMockClock ? mockTime : wallTime)
    }

    static func consent(_ recipient: String, _ status: ConsentStatus) -> ConsentData {
        ConsentData(recipient: recipient, type: .message, consentDate: IYSDateTime("2026-11-20 10:00:00"), source: .web, status: status)
    }

    @Test func oneTokenServesConcurrentCallsUntilItNearlyExpires() async throws {
        try await LiveMocks.iys(clock: clock) { baseURL in
            let client = client(baseURL)
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<10 { group.addTask { try await client.brands().count } }
                for try await count in group { #expect(count == 2) }
            }
            #expect(await client.tokenRequests == 1)
            clock.advance(seconds: 86_399 - 61)
            _ = try await client.brands()
            #expect(await client.tokenRequests == 1)
            // Within the refresh margin: a new token before the old one runs out.
            clock.advance(seconds: 2)
            _ = try await client.brands()
            #expect(await client.tokenRequests == 2)
        }
    }

    @Test func a401RenewsTheTokenOnce() async throws {
        try await LiveMocks.iys(clock: clock) { baseURL in
            // The client's own clock stands still: only the 401 tells it the token expired.
            let client = client(baseURL, followsMockClock: false)
            _ = try await client.brands()
            clock.advance(seconds: 90_000)
            #expect(try await client.brands().count == 2)
            #expect(await client.tokenRequests == 2)
        }
    }

    @Test func consentsRoundTripAndRefusalsAreTyped() async throws {
        try await LiveMocks.iys(clock: clock) { baseURL in
            let client = client(baseURL)
            let saved = try await client.sendConsent(SendConsentRequest(brandCode: "5565656556", consentData: Self.consent("+905551239876", .approved)))
            #expect(saved.consent.status == .approved)
            let status = try await client.consentStatus(ConsentStatusRequest(brandCode: "5565656556", recipient: "+905551239876", type: .message))
            #expect(status.consent.recipient == "+905551239876")

            let otherBrand = await #expect(throws: MySoftIYSClientError.self) {
                try await client.consentStatus(ConsentStatusRequest(brandCode: "9999999999", recipient: "+905551239876", type: .message))
            }
            guard case .provider(let error)? = otherBrand else { Issue.record("\(String(describing: otherBrand))"); return }
            #expect(error.code == .HM404)

            let tooMany = (0..<1001).map { Self.consent("+9055512\(String(format: "%05d", $0))", .approved) }
            let batch = await #expect(throws: MySoftIYSClientError.self) {
                try await client.sendConsentBatch(SendConsentBatchRequest(brandCode: "5565656556", consentData: tooMany))
            }
            guard case .batchRefused(let refusal, _)? = batch else { Issue.record("\(String(describing: batch))"); return }
            #expect(refusal.code == .HM422)

            let accepted = try await client.sendConsentBatch(SendConsentBatchRequest(brandCode: "5565656556", consentData: [Self.consent("+905551230077", .approved)]))
            let guid = try #require(accepted.transctionGuid)
            let statusOfBatch = try await client.batchStatus(BatchTransactionRequest(brandCode: "5565656556", transctionGuid: guid))
            #expect(statusOfBatch.batchStatus == 1)
            #expect(try await client.batchRecords(.successes, BatchTransactionRequest(brandCode: "5565656556", transctionGuid: guid)).count == 1)
        }
    }

    @Test func wrongCredentialsAreInvalidGrant() async throws {
        try await LiveMocks.iys(clock: clock) { baseURL in
            let error = await #expect(throws: MySoftIYSClientError.self) { try await client(baseURL, password: "x").brands() }
            guard case .oauth(let refusal)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(refusal.error == "invalid_grant")
        }
    }
}
