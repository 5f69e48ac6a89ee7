/// A recipient's GSM number as given on the wire, and its normalised form `90XXXXXXXXXX`.
///
/// The Node API takes numbers as JSON numbers or strings, with or without the country code. The raw
/// text is kept (so an invalid number can be reported or skipped as the provider would) and
/// ``normalized`` is the canonical Turkish mobile number, or `nil` when there is none.
public struct GSMNumber: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The number exactly as received.
    public let raw: String

    public init(_ raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { self.init(value) }

    /// `90` followed by a ten-digit mobile number starting with 5, or `nil` when `raw` is not a Turkish
    /// mobile number. Accepts `905551234567`, `+90 555 123 45 67`, `0090…`, `05551234567` and `5551234567`.
    public var normalized: String? {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        for (offset, byte) in raw.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."): continue
            case UInt8(ascii: "+") where offset == 0 || digits.isEmpty: continue
            default: return nil
            }
        }
        let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9"), five = UInt8(ascii: "5")
        if digits.count == 14, digits[0] == zero, digits[1] == zero, digits[2] == nine, digits[3] == zero { digits.removeFirst(2) }
        if digits.count == 11, digits[0] == zero { digits.removeFirst() }
        if digits.count == 10 { digits.insert(contentsOf: [nine, zero], at: 0) }
        guard digits.count == 12, digits[0] == nine, digits[1] == zero, digits[2] == five else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }

    /// Whether the number is a valid Turkish mobile number.
    public var isValid: Bool { normalized != nil }

    public var description: String { raw }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            raw = text.trimmedASCIIWhitespace
        } else if let number = try? container.decode(Int.self) {
            raw = String(number)
        } else {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a GSM number as a string or a number"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }
}
