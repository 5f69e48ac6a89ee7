import Foundation
import Testing
import WireCoding

/// The helpers every codec shares, each once: calendar arithmetic, coding paths, decoding problems.
@Suite struct WireCodingTests {
    @Test func daysAndDatesRoundTripAcrossLeapYearsAndBeforeTheEpoch() {
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.days(year: 2000, month: 3, day: 1) - CivilDate.days(year: 2000, month: 2, day: 28) == 2)
        #expect(CivilDate.days(year: 2100, month: 3, day: 1) - CivilDate.days(year: 2100, month: 2, day: 28) == 1)
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CivilDate.date(days: days)
            #expect(CivilDate.days(year: date.year, month: date.month, day: date.day) == days)
            #expect((1...CivilDate.days(inMonth: date.month, year: date.year)).contains(date.day))
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) {
            stringValue = String(intValue)
            self.intValue = intValue
        }
    }

    @Test func pathsNameTheFieldAsPeopleReadIt() {
        #expect(CodingPath.render([]) == "")
        #expect(CodingPath.render([Key(stringValue: "numbers"), Key(intValue: 1), Key(stringValue: "nr")]) == "numbers[1].nr")
    }

    struct Sample: Decodable {
        var count: Int
        var items: [Int]
    }

    @Test func decodingErrorsAreTakenApartOnce() throws {
        func problem(_ json: String) -> DecodingProblem? {
            do {
                _ = try JSONDecoder().decode(Sample.self, from: Data(json.utf8))
                return nil
            } catch {
                return DecodingProblem(error)
            }
        }
        #expect(problem(#"{"items": []}"#) == DecodingProblem(field: "count", kind: .missing))
        #expect(problem(#"{"count": 1, "items": [1, "x"]}"#)?.field == "items[1]")
        if case .wrongType(let expected, _) = problem(#"{"count": "x", "items": []}"#)?.kind { #expect(expected == .number) } else { Issue.record("not a wrong type") }
        #expect(problem(#"{"count": null, "items": []}"#)?.kind == .null(.number))
        #expect(DecodingProblem(CocoaError(.fileNoSuchFile)) == nil)
    }
}
