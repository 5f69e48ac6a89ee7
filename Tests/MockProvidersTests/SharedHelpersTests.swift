import Foundation
@testable import MockProviders
import Testing

/// The small shared helpers the hot path leans on: they must stay right while being cheap.
@Suite struct SharedHelpersTests {
    @Test func uuidsAreVersion4AndDistinct() {
        var generator = UUIDGenerator(seed: 42)
        var seen = Set<String>()
        for _ in 0..<10_000 {
            let text = generator.next()
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
        var fixed = UUIDGenerator(seed: 42)
        #expect(fixed.next() == "bdd73226-2feb-4e95-a8ef-e333b266f103")
        #expect(fixed.next() == "47526757-130f-4f52-981c-e1ff0e4ae394")
        var again = UUIDGenerator(seed: 42)
        var other = UUIDGenerator(seed: 43)
        #expect(again.next() == UUIDGenerator(seed: 42).nextCopy())
        #expect(other.next() != UUIDGenerator(seed: 42).nextCopy())
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

extension UUIDGenerator {
    /// The first uuid of a fresh copy.
    func nextCopy() -> String {
        var copy = self
        return copy.next()
    }
}
