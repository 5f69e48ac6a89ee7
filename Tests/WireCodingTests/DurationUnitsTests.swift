import Testing
@testable import WireCoding

/// Issue 27: durations in seconds and whole milliseconds, one helper for every module; bounded where a scenario's
/// duration would overflow.
@Suite struct DurationUnitsTests {
    @Test func secondsAndMilliseconds() {
        #expect(Duration.milliseconds(1_500).inSeconds == 1.5)
        #expect(Duration.milliseconds(1_500).wholeMilliseconds == 1_500)
        #expect(Duration.microseconds(2_999).wholeMilliseconds == 2)
        #expect(Duration.seconds(-2).wholeMilliseconds == -2_000)
        #expect(Duration.seconds(Int64.max).wholeMilliseconds == Int64.max)
        #expect(Duration.seconds(Int64.min).wholeMilliseconds == Int64.min)
    }
}
