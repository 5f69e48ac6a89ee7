import Foundation

/// ISO 8601 times, as the admin API reads and writes them: UTC with milliseconds out, any offset in.
enum ISOTime {
    static func string(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    /// Milliseconds since 1970 of a time with an offset or `Z`, with or without fractional seconds; nil when it is not
    /// one, or outside the years the mocks' clock can hold (``ManualClock/range``).
    static func milliseconds(_ text: String) -> Int64? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text) else { return nil }
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard Double(ManualClock.range.lowerBound)...Double(ManualClock.range.upperBound) ~= value else { return nil }
        return Int64(value)
    }
}
