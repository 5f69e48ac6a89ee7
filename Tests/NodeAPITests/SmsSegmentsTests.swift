import NodeAPI
import Testing

/// Segment counting per 3GPP TS 23.038 / 23.040, at the boundaries.
@Suite struct SmsSegmentsTests {
    private func count(_ text: String, _ encoding: SmsEncoding) -> Int { SmsSegments(text: text, encoding: encoding).count }
    private func a(_ n: Int) -> String { String(repeating: "a", count: n) }

    @Test func emptyTextIsNoSegment() {
        #expect(count("", .gsm7) == 0)
    }

    @Test func gsm7Boundaries() {
        #expect(count(a(160), .gsm7) == 1)
        #expect(count(a(161), .gsm7) == 2)
        #expect(count(a(306), .gsm7) == 2)
        #expect(count(a(307), .gsm7) == 3)
    }

    @Test func extensionCharactersCountTwoSeptets() {
        #expect(SmsSegments(text: a(158) + "€", encoding: .gsm7).units == 160)
        #expect(count(a(158) + "€", .gsm7) == 1)
        #expect(count(a(159) + "€", .gsm7) == 2)
        #expect(count(a(159) + "{", .gsm7) == 2)
    }

    @Test func escapePairIsNeverSplitAcrossParts() {
        // 152 + 2 + 152 = 306 septets, but "{" cannot start in the last septet of part one.
        #expect(count(a(152) + "{" + a(152), .gsm7) == 3)
        #expect(count(a(151) + "{" + a(153), .gsm7) == 2)
    }

    @Test func turkishLettersFallBackToUCS2InTheDefaultAlphabet() {
        let segments = SmsSegments(text: "ğşı", encoding: .gsm7)
        #expect(segments.encoding == .unicode)
        #expect(segments.units == 3)
        #expect(count("ç" + a(69), .gsm7) == 1)
        #expect(count("ç" + a(70), .gsm7) == 2)
        #expect(count("Ç" + a(159), .gsm7) == 1)
    }

    @Test func turkishSingleShiftBoundaries() {
        #expect(count(a(155), .turkish) == 1)
        #expect(count(a(156), .turkish) == 2)
        #expect(count(a(298), .turkish) == 2)
        #expect(count(a(299), .turkish) == 3)
        #expect(count(String(repeating: "ş", count: 77), .turkish) == 1)
        #expect(count(String(repeating: "ş", count: 78), .turkish) == 2)
        #expect(SmsSegments(text: "ĞİŞçğış€", encoding: .turkish).encoding == .turkish)
    }

    @Test func ucs2Boundaries() {
        let g = { (n: Int) in String(repeating: "ğ", count: n) }
        #expect(count(g(70), .unicode) == 1)
        #expect(count(g(71), .unicode) == 2)
        #expect(count(g(134), .unicode) == 2)
        #expect(count(g(135), .unicode) == 3)
    }

    @Test func emojiTakesTwoUnitsAndIsNotSplit() {
        let g = { (n: Int) in String(repeating: "ğ", count: n) }
        #expect(SmsSegments(text: "😀", encoding: .gsm7) == SmsSegments(encoding: .unicode, units: 2, count: 1))
        #expect(count(g(68) + "😀", .unicode) == 1)
        #expect(count(g(69) + "😀", .unicode) == 2)
        #expect(count(g(66) + "😀" + g(66), .unicode) == 3)
        #expect(count(a(10) + "😀", .turkish) == 1)
    }
}
