import WireCoding

/// ISO 8601 times, as the admin API reads and writes them: UTC with milliseconds out, any offset in.
@_spi(MockInternals) public enum ISOTime {
    /// `2026-12-02T09:00:00.000Z`, for an instant within ``ManualClock/range``. Written from the civil date, with no
    /// formatter: an inbox page writes five times per message.
    @_spi(MockInternals) public static func string(_ milliseconds: Int64) -> String {
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

    /// Longest time text read: the date, the time, a fraction of up to 40 digits and an offset. A longer text is no time
    /// anyone writes, and is refused before it is looked at.
    package static let maxLength = 19 + 1 + 40 + 6

    /// Milliseconds since 1970 of `yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM|±HHMM)` (RFC 3339, as every client library
    /// writes it); nil when it is not one, or outside the years the mocks' clock can hold (``ManualClock/range``).
    ///
    /// The project's own parser, bounded by construction: each field has a fixed width, so no number can overflow, and
    /// fraction digits beyond the milliseconds are read past, never multiplied (Foundation's ICU formatter, used here
    /// before, ended the process with SIGFPE on a 35-digit fraction).
    @_spi(MockInternals) public static func milliseconds(_ text: String) -> Int64? {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            guard bytes.count < maxLength else { return nil }
            bytes.append(byte)
        }
        guard bytes.count >= 20, bytes[4] == ascii("-"), bytes[7] == ascii("-"), bytes[10] == ascii("T") || bytes[10] == ascii("t"),
              bytes[13] == ascii(":"), bytes[16] == ascii(":"),
              let year = number(bytes, 0..<4), let month = number(bytes, 5..<7), let day = number(bytes, 8..<10),
              let hour = number(bytes, 11..<13), let minute = number(bytes, 14..<16), let second = number(bytes, 17..<19),
              (1...12).contains(month), (1...CivilDate.days(inMonth: month, year: year)).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var millisecond = 0
        if bytes[index] == ascii(".") {
            index += 1
            let start = index
            while index < bytes.count, let digit = number(bytes, index..<index + 1) {
                if index - start < 3 { millisecond = millisecond * 10 + digit }
                index += 1
            }
            guard index > start else { return nil }
            for _ in min(index - start, 3)..<3 { millisecond *= 10 }
        }
        guard let offset = offsetSeconds(bytes, from: index) else { return nil }
        let seconds = CivilDate.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second - offset
        let value = Int64(seconds) * 1000 + Int64(millisecond)
        return ManualClock.range.contains(value) ? value : nil
    }

    /// The offset from UTC that ends the text at `index`, in seconds: `Z`, `±HH:MM` or `±HHMM`.
    private static func offsetSeconds(_ bytes: [UInt8], from index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        let rest = bytes.count - index
        switch bytes[index] {
        case ascii("Z"), ascii("z"):
            return rest == 1 ? 0 : nil
        case ascii("+"), ascii("-"):
            let minutes: Int?
            switch rest {
            case 6 where bytes[index + 3] == ascii(":"): minutes = number(bytes, index + 4..<index + 6)
            case 5: minutes = number(bytes, index + 3..<index + 5)
            default: minutes = nil
            }
            guard let hours = number(bytes, index + 1..<index + 3), let minutes, hours < 24, minutes < 60 else { return nil }
            let sign = bytes[index] == ascii("-") ? -1 : 1
            return sign * (hours * 3_600 + minutes * 60)
        default:
            return nil
        }
    }

    /// The decimal number of a few digits in `range`; nil when one is not a digit.
    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard range.upperBound <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[range] {
            guard byte >= ascii("0"), byte <= ascii("9") else { return nil }
            value = value * 10 + Int(byte - ascii("0"))
        }
        return value
    }

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(ascii: character) }
}
