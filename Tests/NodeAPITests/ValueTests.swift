import NodeAPI
import Testing

@Suite struct GSMNumberTests {
    @Test(arguments: [
        ("905551234567", "905551234567"), ("+90 555 123 45 67", "905551234567"), ("0090 555 123 4567", "905551234567"),
        ("05551234567", "905551234567"), ("5551234567", "905551234567"), ("(555) 123-45-67", "905551234567"),
    ])
    func normalises(_ raw: String, _ expected: String) {
        #expect(GSMNumber(raw).normalized == expected)
    }

    @Test(arguments: ["", "90555123456", "9055512345678", "902121234567", "441234567890", "90555abc4567", "9055512345+7"])
    func refuses(_ raw: String) {
        #expect(GSMNumber(raw).normalized == nil)
    }
}

@Suite struct WireDateTests {
    @Test func parsesAndWritesTheThreeStyles() throws {
        for text in ["2020-12-25 12:00", "2020-12-25 12:00:59", "2021-05-17T18:29:21", "2021-05-17T18:29:21.657614"] {
            #expect(try #require(WireDate(text)).text == text)
        }
        #expect(WireDate("2020-12-25 12:00")?.style == .minutes)
        #expect(WireDate("2020-12-25 12:00:00")?.style == .seconds)
        #expect(WireDate("2021-05-17T18:29:21.5")?.fraction == "5")
    }

    @Test(arguments: ["2021-02-29 10:00", "2020-13-01 10:00", "2020-12-25 24:00", "2020-12-25T12:00", "2020-12-25", "25.12.2020 12:00", "2020-12-25 12:00Z", "2021-05-17T18:29:21."])
    func refusesInvalidDates(_ text: String) {
        #expect(WireDate(text) == nil)
    }

    @Test func leapDayAndOrdering() throws {
        #expect(WireDate("2024-02-29 10:00") != nil)
        let earlier = try #require(WireDate("2024-01-31 23:59"))
        let later = try #require(WireDate("2024-02-01 00:00"))
        #expect(earlier < later)
        #expect(earlier.adding(months: 1).text == "2024-02-29 23:59")
        #expect(earlier.adding(months: 13).text == "2025-02-28 23:59")
        #expect(later.secondsSinceEpoch - earlier.secondsSinceEpoch == 60)
    }
}
