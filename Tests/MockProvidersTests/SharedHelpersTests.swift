import Foundation
import MockFixtures
@_spi(MockInternals) @testable import MockProviders
@_spi(MockInternals) @testable import MockSimulations
import MySoftIYS
import NodeAPI
import Testing

/// The small shared helpers the hot path leans on: they must stay right while being cheap.
@Suite struct SharedHelpersTests {
    /// The admin API's times, written from the civil date, are what Foundation's ISO 8601 formatter writes, to the end
    /// of the clock's range; they read back to the same instant.
    @Test func isoTimesAreFoundationsAndReadBack() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for milliseconds: Int64 in [0, 1, 999, 1_764_662_405_123, 951_782_400_000, 4_107_542_399_999, ManualClock.range.upperBound] {
            let text = ISOTime.string(milliseconds)
            #expect(text == formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000)), "\(milliseconds)")
            #expect(ISOTime.milliseconds(text) == milliseconds)
        }
        #expect(ISOTime.string(-5) == "1970-01-01T00:00:00.000Z", "clamped to the clock's range")
    }

    /// A page taken from a sequence as it goes is the page of the whole list, with its length.
    @Test func aPageOfASequenceIsThePageOfTheList() {
        let all = Array(0..<57)
        for paging in [Paging(), Paging(pageIndex: 0, pageSize: 10), Paging(pageIndex: 5, pageSize: 10), Paging(pageIndex: 6, pageSize: 10), Paging(pageIndex: 2, pageSize: 0)] {
            let fromList = NodeAPIState.page(all, paging)
            let fromSequence = NodeAPIState.page(all.lazy.filter { _ in true }, paging)
            #expect(fromSequence.total == fromList.total)
            #expect(Array(fromSequence.slice) == Array(fromList.slice))
        }
    }

    @Test func uuidsAreVersion4AndDistinct() {
        var generator = SeededRandom(seed: 42)
        var seen = Set<String>()
        for _ in 0..<10_000 {
            let text = generator.uuid()
            let uuid = UUID(uuidString: text)
            #expect(uuid != nil, "\(text)")
            #expect(text == text.lowercased() && text.count == 36)
            let parts = text.split(separator: "-")
            #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
            #expect(parts[2].first == "4" && "89ab".contains(parts[3].first ?? "x"))
            seen.insert(text)
        }
        #expect(seen.count == 10_000)
        // The same seed gives the same sequence (SplitMix64, checked against an independent Python rendering).
        var fixed = SeededRandom(seed: 42)
        #expect(fixed.uuid() == "bdd73226-2feb-4e95-a8ef-e333b266f103")
        #expect(fixed.uuid() == "47526757-130f-4f52-981c-e1ff0e4ae394")
        var again = SeededRandom(seed: 42)
        var other = SeededRandom(seed: 43)
        #expect(again.uuid() == SeededRandom(seed: 42).nextCopy())
        #expect(other.uuid() != SeededRandom(seed: 42).nextCopy())
    }

    @Test func basicCredentialsAreDecodedAndCachedWithinBounds() {
        let header = "Basic " + Data("admin:12:34".utf8).base64EncodedString()
        #expect(BasicCredentials.of(header)! == ("admin", "12:34"))
        #expect(BasicCredentials.of(header)! == ("admin", "12:34"))
        #expect(BasicCredentials.of("basic " + Data("şükrü:parola".utf8).base64EncodedString())! == ("şükrü", "parola"))
        #expect(BasicCredentials.of("Bearer abc") == nil)
        #expect(BasicCredentials.of("Basic !!!") == nil)
        #expect(BasicCredentials.of("Basic " + Data("no-colon".utf8).base64EncodedString()) == nil)
        #expect(BasicCredentials.of(nil) == nil)
        for index in 0..<(BasicCredentials.capacity * 2) {
            let many = "Basic " + Data("user\(index):p".utf8).base64EncodedString()
            #expect(BasicCredentials.of(many)?.username == "user\(index)")
        }
        #expect(BasicCredentials.cachedCount <= BasicCredentials.capacity)
    }
}

extension SeededRandom {
    /// The first uuid of a fresh copy.
    func nextCopy() -> String {
        var copy = self
        return copy.uuid()
    }
}

/// Issue 11, finding 9: tokens expire from the oldest end, O(1) per issue, and no more than the capacity are kept.
@Suite struct TokenTableTests {
    @Test func expiredTokensAreForgottenAsNewOnesAreIssued() {
        var table = TokenTable<String>()
        for second in 0..<1_000 {
            let now = Int64(second) * 1000
            table.issue("t\(second)", "user", expiresAt: now + 10_000, now: now)
        }
        // Lifetime 10 s, one token a second: the table holds the ten issued in the last ten seconds.
        #expect(table.count == 10)
        #expect(table["t999"]?.record == "user")
        #expect(table["t980"] == nil)
    }

    @Test func aTokenIsKeptForItsRetentionAndAtMostCapacityAreKept() {
        var table = TokenTable<Int>(retention: 5_000, capacity: 3)
        table.issue("a", 1, expiresAt: 1_000, now: 0)
        table.issue("b", 2, expiresAt: 2_000, now: 1_000)
        // Expired but retained: still known, so that the mock can say it expired.
        table.issue("c", 3, expiresAt: 6_000, now: 5_000)
        #expect(table["a"]?.expiresAt == 1_000)
        table.issue("d", 4, expiresAt: 7_000, now: 5_500)
        #expect(table["a"] == nil)
        #expect(table.count == 3)
        table.update("d") { $0 += 10 }
        #expect(table["d"]?.record == 14)
    }

    @Test func theIYSTokenTableStaysSmallUnderAStreamOfTokens() async throws {
        let clock = ManualClock()
        let simulation = IYSSimulation(accounts: [ScenarioFixtures.iysAdmin], tokenLifetimeSeconds: 60, clock: clock)
        let request = TokenRequest(username: ScenarioFixtures.iysAdmin.username, password: ScenarioFixtures.iysAdmin.password, grantType: "password")
        var last = ""
        for _ in 0..<5_000 {
            last = try simulation.issueToken(request).accessToken
            clock.advance(seconds: 0.1)
        }
        #expect(simulation.withState { state, _ in state.tokens.count } <= 601)
        #expect(simulation.user(forToken: last) == ScenarioFixtures.iysAdmin.username)
    }
}
