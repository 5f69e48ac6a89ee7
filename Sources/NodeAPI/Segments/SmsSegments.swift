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

    /// Counts `text` in the requested encoding.
    public init(text: String, encoding requested: SmsEncoding) {
        if requested != .unicode, let widths = Self.septetWidths(text, shift: requested == .turkish ? GSMAlphabet.turkishShift : GSMAlphabet.extensionTable) {
            self = Self.pack(widths, encoding: requested)
        } else {
            self = Self.pack(text.unicodeScalars.map { $0.value > 0xFFFF ? 2 : 1 }, encoding: .unicode)
        }
    }

    private static func septetWidths(_ text: String, shift: Set<Unicode.Scalar>) -> [Int]? {
        var widths: [Int] = []
        widths.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if GSMAlphabet.basic.contains(scalar) {
                widths.append(1)
            } else if shift.contains(scalar) {
                widths.append(2)
            } else {
                return nil
            }
        }
        return widths
    }

    /// Packs characters of the given widths into parts without splitting one.
    private static func pack(_ widths: [Int], encoding: SmsEncoding) -> SmsSegments {
        let units = widths.reduce(0, +)
        if units == 0 { return SmsSegments(encoding: encoding, units: 0, count: 0) }
        if units <= singleLimit(encoding) { return SmsSegments(encoding: encoding, units: units, count: 1) }
        let limit = partLimit(encoding)
        var parts = 1
        var used = 0
        for width in widths {
            if used + width > limit {
                parts += 1
                used = 0
            }
            used += width
        }
        return SmsSegments(encoding: encoding, units: units, count: parts)
    }
}
