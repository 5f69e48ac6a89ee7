/// Turkish local time (UTC+3, no daylight saving since 2016): the zone of every date these providers write. Instants are
/// milliseconds since 1970; the Node API's, İYS's and Euromsg's date types are each a wall time in this zone.
package enum TurkeyTime {
    package static let offsetMilliseconds: Int64 = 3 * 3_600_000

    /// A wall time in Turkey, to the second.
    package struct WallTime: Sendable, Hashable {
        package var year, month, day, hour, minute, second: Int

        package init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
            (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
        }
    }

    /// The wall time in Turkey of an instant.
    package static func wallTime(_ milliseconds: Int64) -> WallTime {
        let local = milliseconds + offsetMilliseconds
        let seconds = local >= 0 ? local / 1000 : (local - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilDate.date(days: Int(days))
        return WallTime(year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
    }

    /// The instant of a wall time in Turkey.
    package static func milliseconds(_ wall: WallTime) -> Int64 {
        let days = Int64(CivilDate.days(year: wall.year, month: wall.month, day: wall.day))
        return (days * 86_400 + Int64(wall.hour * 3600 + wall.minute * 60 + wall.second)) * 1000 - offsetMilliseconds
    }
}
