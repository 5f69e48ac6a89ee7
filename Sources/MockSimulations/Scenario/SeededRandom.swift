/// A world's randomness (issue 26): version-4 UUIDs (lower case, as the Node API writes them), İYS transaction ids and
/// bearer tokens, from a SplitMix64 generator. A world created with a `seed` draws everything from it, so that the same
/// requests get the same bytes back, tokens and GUIDs included; without one the generator is seeded from the system once,
/// and tokens, which a client must not guess, come from the system's random source.
///
/// Foundation's `UUID()` opens and reads `/dev/urandom` on every call on Linux: under load that was 4 % of the
/// Node API mock's time (Benchmarks/wrk, perf). The mock's ids must be unique, not secret.
package struct SeededRandom: Sendable, Codable {
    private var state: UInt64
    /// Tokens come from the generator too (a world created with a seed).
    private var seeded: Bool

    package init(seed: UInt64? = nil) {
        var system = SystemRandomNumberGenerator()
        state = seed ?? system.next()
        seeded = seed != nil
    }

    /// The generator of one provider of a world: each provider of a seeded world draws from its own stream, so that a
    /// request to one does not move another's ids.
    package static func stream(_ index: UInt64, of seed: UInt64?) -> SeededRandom {
        SeededRandom(seed: seed.map { $0 &+ index &* 0xD1B5_4A32_D192_ED03 })
    }

    private enum CodingKeys: String, CodingKey { case state, seeded }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        state = try container.decode(UInt64.self, forKey: .state)
        // A state file written before seeds were kept: the generator goes on, tokens from the system.
        seeded = try container.decodeIfPresent(Bool.self, forKey: .seeded) ?? false
    }

    private mutating func nextWord() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`, written straight into the string's bytes (going through
    /// `String(radix:)` and `Character`s was 1.4 % of a package's creation).
    package mutating func uuid() -> String {
        let high = (nextWord() & 0xFFFF_FFFF_FFFF_0FFF) | 0x4000
        let low = (nextWord() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return String(unsafeUninitializedCapacity: 36) { bytes in
            var position = 0
            for index in 0..<32 {
                if index == 8 || index == 12 || index == 16 || index == 20 {
                    bytes[position] = UInt8(ascii: "-")
                    position += 1
                }
                let word = index < 16 ? high : low
                bytes[position] = Self.digits[Int((word >> UInt64(60 - 4 * (index % 16))) & 0xF)]
                position += 1
            }
            return position
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// An İYS transaction id: 26 hexadecimal digits.
    package mutating func transactionID() -> String {
        String(uuid().lazy.filter { $0 != "-" }.prefix(26))
    }

    /// A bearer token of letters and digits: from the generator in a seeded world, from the system's source otherwise.
    package mutating func token(length: Int) -> String {
        guard seeded else { return RandomToken.make(length: length) }
        return String(unsafeUninitializedCapacity: length) { bytes in
            for index in 0..<length { bytes[index] = RandomToken.alphabet[Int(nextWord() % UInt64(RandomToken.alphabet.count))] }
            return length
        }
    }
}

/// Where a mock's numeric ids start: from the clock, so that a restarted mock never hands out an id it handed out
/// before (a client holding an old id would silently read another object). `perMillisecond` ids per millisecond since
/// 2024-01-01 are room enough for any load the mock can serve; never below `floor`.
enum IDStart {
    static let epoch: Int64 = 1_704_067_200_000

    static func fromClock(_ now: Int64, perMillisecond: Int, floor: Int) -> Int {
        let elapsed = max(now - epoch, 0)
        let (start, overflow) = Int(elapsed).multipliedReportingOverflow(by: perMillisecond)
        return overflow ? floor : max(start, floor)
    }
}
