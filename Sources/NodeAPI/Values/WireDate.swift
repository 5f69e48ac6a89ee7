import WireCoding
/// A date and time as the Node API writes it, in Turkish local time (UTC+3), with no zone on the wire.
///
/// Requests use `yyyy-MM-dd HH:mm` (``Style/minutes``; `trustDate` has seconds, ``Style/seconds``);
/// replies use ISO `yyyy-MM-ddTHH:mm:ss`, sometimes with a fraction (``Style/iso``). The style and the
/// fraction digits are kept, so a decoded date re-encodes to the same text.
public struct WireDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// How the date is written.
    public enum Style: Sendable, Hashable {
        /// `yyyy-MM-dd HH:mm`
        case minutes
        /// `yyyy-MM-dd HH:mm:ss`
        case seconds
        /// `yyyy-MM-ddTHH:mm:ss`, with the fraction digits if any.
        case iso
    }

    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Digits after the decimal point of the seconds, as written (`657614`), or empty.
    public var fraction: String
    public var style: Style

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, fraction: String = "", style: Style = .iso) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fraction = fraction
        self.style = style
    }

    /// Fraction digits kept; more are read and dropped (a nanosecond is the finest any client writes).
    public static let maxFractionDigits = 9

    /// Parses any of the three styles; `nil` when the text is not a real date in one of them.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 16, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[13] == 0x3A,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16)
        else { return nil }
        var second = 0
        var fraction = ""
        let style: Style
        switch bytes[10] {
        case 0x20 where bytes.count == 16:
            style = .minutes
        case 0x20 where bytes.count == 19 && bytes[16] == 0x3A:
            guard let value = number(17..<19) else { return nil }
            second = value
            style = .seconds
        case 0x54 where bytes.count >= 19 && bytes[16] == 0x3A:
            guard let value = number(17..<19) else { return nil }
            second = value
            if bytes.count > 19 {
                // Digits are checked, never summed: a fraction can be longer than any integer holds (19 nines once
                // overflowed here and ended the server). Beyond nanoseconds (.NET writes 7, Java 9) they are dropped.
                guard bytes[19] == 0x2E, bytes.count > 20, bytes[20...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
                fraction = String(decoding: bytes[20..<min(bytes.count, 20 + Self.maxFractionDigits)], as: UTF8.self)
            }
            style = .iso
        default:
            return nil
        }
        guard (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction, style: style)
    }

    /// The date written in its style.
    public var text: String {
        let date = "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))"
        let time = "\(Self.pad(hour)):\(Self.pad(minute))"
        switch style {
        case .minutes: return "\(date) \(time)"
        case .seconds: return "\(date) \(time):\(Self.pad(second))"
        case .iso: return "\(date)T\(time):\(Self.pad(second))" + (fraction.isEmpty ? "" : ".\(fraction)")
        }
    }

    /// The same instant written in another style (a fraction survives only in ``Style/iso``).
    public func styled(_ style: Style) -> WireDate {
        var copy = self
        copy.style = style
        if style != .iso { copy.fraction = "" }
        if style == .minutes { copy.second = 0 }
        return copy
    }

    public var description: String { text }

    /// The format's pattern, for error messages.
    public static func pattern(_ style: Style) -> String {
        switch style {
        case .minutes: "yyyy-MM-dd HH:mm"
        case .seconds: "yyyy-MM-dd HH:mm:ss"
        case .iso: "yyyy-MM-ddTHH:mm:ss"
        }
    }

    /// Seconds since 1970-01-01 00:00 of the same wall clock (the zone is implied, never written).
    public var secondsSinceEpoch: Int {
        let days = CivilDate.days(year: year, month: month, day: day)
        return days * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// The date `months` calendar months later, the day clamped to the month's length.
    public func adding(months: Int) -> WireDate {
        var copy = self
        let total = year * 12 + (month - 1) + months
        copy.year = total / 12
        copy.month = total % 12 + 1
        copy.day = min(day, Self.days(inMonth: copy.month, year: copy.year))
        return copy
    }

    public static func < (lhs: WireDate, rhs: WireDate) -> Bool {
        (lhs.secondsSinceEpoch, lhs.fractionValue) < (rhs.secondsSinceEpoch, rhs.fractionValue)
    }

    public static func == (lhs: WireDate, rhs: WireDate) -> Bool {
        lhs.secondsSinceEpoch == rhs.secondsSinceEpoch && lhs.fractionValue == rhs.fractionValue && lhs.style == rhs.style
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(secondsSinceEpoch)
        hasher.combine(style)
    }

    private var fractionValue: Double { Double("0." + fraction) ?? 0 }

    static func days(inMonth month: Int, year: Int) -> Int { CivilDate.days(inMonth: month, year: year) }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = WireDate(text.trimmedASCIIWhitespace) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a date (\(Self.pattern(.minutes)), \(Self.pattern(.seconds)) or \(Self.pattern(.iso)))"
            ))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
