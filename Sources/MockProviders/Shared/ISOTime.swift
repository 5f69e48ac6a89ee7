import Foundation
import WireCoding

/// ISO 8601 times, as the admin API reads and writes them: UTC with milliseconds out, any offset in.
package enum ISOTime {
    /// `2026-12-02T09:00:00.000Z`, for an instant within ``ManualClock/range``. Written from the civil date, with no
    /// formatter: an inbox page writes five times per message.
    package static func string(_ milliseconds: Int64) -> String {
        let instant = ManualClock.clamped(milliseconds)
        let (seconds, fraction) = instant.quotientAndRemainder(dividingBy: 1000)
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (year, month, day) = CivilDate.date(days: Int(days))
        func digits(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(digits(Int64(year), 4))-\(digits(Int64(month), 2))-\(digits(Int64(day), 2))T\(digits(secondOfDay / 3600, 2)):"
            + "\(digits(secondOfDay % 3600 / 60, 2)):\(digits(secondOfDay % 60, 2)).\(digits(fraction, 3))Z"
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
