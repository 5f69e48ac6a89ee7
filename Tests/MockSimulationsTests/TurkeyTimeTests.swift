import MockSimulations
import NodeAPI
import Testing
import WireCoding

@Suite struct TurkeyTimeTests {
    @Test func wallTimeInTurkeyIsUTCPlusThree() throws {
        // 2025-01-01T00:00:00Z is 03:00 in Istanbul.
        #expect(TurkeyTime.date(1_735_689_600_000) == WireDate("2025-01-01T03:00:00"))
        #expect(TurkeyTime.milliseconds(try #require(WireDate("2025-01-01 03:00"))) == 1_735_689_600_000)
    }

    @Test(arguments: ["2024-02-29T23:59:59", "1999-12-31T21:00:00", "2025-03-10T10:00:05", "2030-07-15T00:00:00"])
    func roundTrips(_ text: String) throws {
        let date = try #require(WireDate(text))
        #expect(TurkeyTime.date(TurkeyTime.milliseconds(date)) == date)
    }

    @Test func manualClockMovesOnlyWhenTold() {
        let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)
        let start = clock.now()
        #expect(clock.now() == start)
        clock.advance(minutes: 1.5)
        #expect(clock.now() - start == 90_000)
        #expect(TurkeyTime.date(clock.now(), style: .minutes).text == "2025-03-10 10:01")
    }

    /// Issue 27: one wall-time conversion for every module (WireCoding's): an instant and its Turkish wall time agree
    /// both ways, before 1970 too, and the Euromsg client reads a gateway date through it.
    @Test(arguments: [0, 1_741_590_005_000, -34_559_999_000, 253_402_289_999_000] as [Int64])
    func wallTimeRoundTrips(_ instant: Int64) {
        #expect(TurkeyTime.milliseconds(TurkeyTime.wallTime(instant)) == instant)
        let wall = TurkeyTime.wallTime(instant)
        #expect(TurkeyTime.date(instant).hour == wall.hour && TurkeyTime.date(instant).day == wall.day)
    }
}
