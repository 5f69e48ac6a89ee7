/// Version-4 UUIDs (lower case, as the Node API writes them) from a SplitMix64 generator seeded once.
///
/// Foundation's `UUID()` opens and reads `/dev/urandom` on every call on Linux: under load that was 4 % of the
/// Node API mock's time (Benchmarks/wrk, perf). The mock's ids must be unique, not secret.
struct UUIDGenerator: Sendable, Codable {
    private var state: UInt64

    init(seed: UInt64? = nil) {
        var system = SystemRandomNumberGenerator()
        state = seed ?? system.next()
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
    mutating func next() -> String {
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
