import NodeAPI

/// Turkish local time (UTC+3, no daylight saving since 2016): the zone every Node API date is in.
public enum TurkeyTime {
    static let offsetMilliseconds: Int64 = 3 * 3_600_000

    /// The wall time in Turkey of an instant.
    public static func date(_ milliseconds: Int64, style: WireDate.Style = .iso) -> WireDate {
        let local = milliseconds + offsetMilliseconds
        let seconds = local >= 0 ? local / 1000 : (local - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        // Civil from days, after Howard Hinnant's algorithm.
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var date = WireDate(year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60, style: .iso)
        if style != .iso { date = date.styled(style) }
        return date
    }

    /// The instant of a wall time in Turkey.
    public static func milliseconds(_ date: WireDate) -> Int64 {
        Int64(date.secondsSinceEpoch) * 1000 - offsetMilliseconds
    }
}

import MySoftIYS

extension TurkeyTime {
    /// An instant as a MySoft İYS date-time (Turkish wall time, seconds).
    public static func iysDate(_ milliseconds: Int64) -> IYSDateTime {
        let date = self.date(milliseconds)
        return IYSDateTime(year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute, second: date.second)
    }

    /// The instant of a MySoft İYS date-time.
    public static func milliseconds(_ date: IYSDateTime) -> Int64 {
        milliseconds(WireDate(year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute, second: date.second, style: .iso))
    }
}
