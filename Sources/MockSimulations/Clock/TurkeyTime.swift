import NodeAPI
import WireCoding

/// Turkish wall time (``WireCoding/TurkeyTime``) as the mocks write it: the Node API's dates and İYS's.
extension TurkeyTime {
    /// The wall time in Turkey of an instant.
    package static func date(_ milliseconds: Int64, style: WireDate.Style = .iso) -> WireDate {
        let wall = wallTime(milliseconds)
        var date = WireDate(year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second, style: .iso)
        if style != .iso { date = date.styled(style) }
        return date
    }

    /// The instant of a wall time in Turkey.
    package static func milliseconds(_ date: WireDate) -> Int64 {
        milliseconds(WallTime(year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute, second: date.second))
    }

    /// A `processingDate` as the provider writes it: microseconds, trailing zeros dropped (`2021-05-04T01:38:22.25607`,
    /// `2021-05-17T18:29:21.657614`). The clock counts milliseconds; the last three digits come from `salt` (an id), so
    /// the same record always reads the same and a client meets the fraction it will meet in production.
    package static func processingDate(_ milliseconds: Int64, salt: Int) -> WireDate {
        var date = date(milliseconds)
        let millisecond = Int(((milliseconds % 1000) + 1000) % 1000)
        let digits = String(millisecond * 1000 + (salt % 997 + 997) % 997 + 1)
        let micro = String(repeating: "0", count: 6 - digits.count) + digits
        date.fraction = String(micro.reversed().drop { $0 == "0" }.reversed())
        return date
    }
}

import MySoftIYS

extension TurkeyTime {
    /// An instant as a MySoft İYS date-time (Turkish wall time, seconds).
    package static func iysDate(_ milliseconds: Int64) -> IYSDateTime {
        let date = self.date(milliseconds)
        return IYSDateTime(year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute, second: date.second)
    }

    /// The instant of a MySoft İYS date-time.
    package static func milliseconds(_ date: IYSDateTime) -> Int64 {
        milliseconds(WallTime(year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute, second: date.second))
    }
}
