/// How many SMS segments a text takes, per 3GPP TS 23.038 and 23.040; one credit is one segment per recipient.
///
/// | encoding | one segment | each part of a longer text |
/// | --- | --- | --- |
/// | GSM 7-bit default alphabet | 160 septets | 153 |
/// | GSM 7-bit with the Turkish single shift table | 155 | 149 |
/// | UCS-2 | 70 code units | 67 |
///
/// Extension characters (`€ { } [ ] \ ^ ~ |` and form feed) take two septets, and Turkish letters
/// `ğ ş ı İ Ğ Ş ç` too under the Turkish table; an escape pair or a UTF-16 surrogate pair is never
/// split across parts. A text the requested 7-bit table cannot carry falls back to UCS-2, as handsets
/// and SMSCs do.
public struct SmsSegments: Sendable, Hashable {
    /// The encoding the text is sent in (``SmsEncoding/unicode`` after a fallback).
    public var encoding: SmsEncoding
    /// Septets (7-bit) or UTF-16 code units (UCS-2) the text takes.
    public var units: Int
    /// Segments, and so credits per recipient; 0 for an empty text.
    public var count: Int

    public init(encoding: SmsEncoding, units: Int, count: Int) {
        self.encoding = encoding
        self.units = units
        self.count = count
    }

    /// Units of one single-part message in `encoding`.
    public static func singleLimit(_ encoding: SmsEncoding) -> Int {
        switch encoding {
        case .gsm7: 160
        case .turkish: 155
        case .unicode: 70
        }
    }

    /// Units of each part of a multi-part message in `encoding`.
    public static func partLimit(_ encoding: SmsEncoding) -> Int {
        switch encoding {
        case .gsm7: 153
        case .turkish: 149
        case .unicode: 67
        }
    }

    /// Counts `text` in the requested encoding, in one pass over its scalars with nothing allocated: this runs for every
    /// package and every personal text.
    public init(text: String, encoding requested: SmsEncoding) {
        if requested != .unicode, let counted = Self.count(text, encoding: requested) {
            self = counted
        } else {
            self = Self.count(text, encoding: .unicode) ?? SmsSegments(encoding: .unicode, units: 0, count: 0)
        }
    }

    /// The count in `encoding`; `nil` when a 7-bit table cannot carry a character.
    private static func count(_ text: String, encoding: SmsEncoding) -> SmsSegments? {
        let table = encoding == .turkish ? GSMAlphabet.turkish : GSMAlphabet.standard
        let limit = partLimit(encoding)
        var units = 0
        var parts = 1
        var used = 0
        for scalar in text.unicodeScalars {
            let width: Int
            if encoding == .unicode {
                width = scalar.value > 0xFFFF ? 2 : 1
            } else {
                guard let septets = table.septets(scalar) else { return nil }
                width = septets
            }
            units += width
            // A character is never split across parts.
            if used + width > limit {
                parts += 1
                used = 0
            }
            used += width
        }
        if units == 0 { return SmsSegments(encoding: encoding, units: 0, count: 0) }
        return SmsSegments(encoding: encoding, units: units, count: units <= singleLimit(encoding) ? 1 : parts)
    }
}
