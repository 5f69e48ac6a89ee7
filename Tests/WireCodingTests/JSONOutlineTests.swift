import Testing
import WireCoding

/// Issue 23, items 7 and 13: members are found by their decoded keys, and the last of a repeated key is the one kept.
@Suite struct JSONOutlineTests {
    private func outline(_ text: String) -> JSONOutline? { JSONOutline(Array(text.utf8)) }

    @Test func keysAreDecodedAndValuesLocated() throws {
        let text = #"{"pass\u0077ord": "123", "nested": {"a\"b": [1, {"c": null}]}, "t\u00fcrk\u00E7e": -1.5e3}"#
        let found = try #require(outline(text))
        #expect(found.members.map(\.key) == ["password", "nested", "a\"b", "c", "türkçe"])
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[found.members[0].value], as: UTF8.self) == #""123""#)
        #expect(String(decoding: bytes[found.members[4].value], as: UTF8.self) == "-1.5e3")
        #expect(outline(#"{"\ud83d\ude00": 1}"#)?.members.first?.key == "😀", "a surrogate pair is one scalar")
        #expect(outline(#"{"\ud83d": 1}"#)?.members.first?.key == "\u{FFFD}", "a lone surrogate is U+FFFD")
    }

    @Test func whatIsNotJSONHasNoOutline() {
        for text in ["", "{", #"{"a" 1}"#, #"{"a": 01}"#, #"{"a": 1,}"#, "[1,]", #"{"a": "\x"}"#, "{\"a\": \"\u{01}\"}", "tru", "1 2", #"{'a': 1}"#, "-", "1.", "1e"] {
            #expect(outline(text) == nil, "\(text)")
        }
        for text in ["1", " [ ] ", #""x""#, "null", "-0.5E+2", #"{"a":[{}]}"#] { #expect(outline(text) != nil, "\(text)") }
        #expect(outline(String(repeating: "[", count: 600) + String(repeating: "]", count: 600)) == nil, "nesting past the bound is refused, not recursed")
        #expect(outline(String(repeating: "[", count: 500) + String(repeating: "]", count: 500)) != nil)
    }

    @Test func theLastOfARepeatedKeyIsKept() throws {
        let text = #"{"a": 1, "b": {"x": 1, "x" : [2], "y": 0}, "a": 3, "c": 4, "a":5}"#
        let found = try #require(outline(text))
        #expect(found.overridden.map(\.path) == ["a", "b.x", "a"], "in the text's order")
        #expect(outline(#"{"n": [{"t": 1}, {"t": 1, "t": 2}]}"#)?.overridden.map(\.path) == ["n[1].t"])
        let kept = found.keepingLast(Array(text.utf8))
        #expect(String(decoding: kept, as: UTF8.self) == #"{"b": {"x" : [2], "y": 0}, "c": 4, "a":5}"#)
        #expect(JSONOutline(kept)?.overridden.isEmpty == true)
        let unique = Array(#"{"a": 1}"#.utf8)
        #expect(JSONOutline(unique)?.keepingLast(unique) == unique)
        #expect(outline(#"{"a": 1, "\u0061": 2}"#)?.overridden.map(\.path) == ["a"], "keys compare decoded")
    }
}
