import Testing
@testable import WireCoding

/// Issue 27: the unknown-key rule, once for scenarios, worlds and connector files: the first unknown key in sorted
/// order, and the keys known as an error lists them.
@Suite struct KnownKeysTests {
    enum Keys: String, CodingKey, CaseIterable { case name, clock, ttlSeconds }

    @Test func theFirstUnknownKeyInSortedOrder() {
        #expect(KnownKeys.firstUnknown(in: ["name", "clock"], of: Keys.self) == nil)
        #expect(KnownKeys.firstUnknown(in: ["ttl", "name", "cloc"], of: Keys.self) == "cloc")
        #expect(KnownKeys.firstUnknown(in: [String](), of: Keys.self) == nil)
        #expect(KnownKeys.list(Keys.self) == "name, clock, ttlSeconds")
    }
}
