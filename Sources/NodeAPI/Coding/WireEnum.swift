/// A constant of the Node API document: an integer on the wire, a named case in Swift.
///
/// Conforming enums decode from a number or a numeric string and refuse unknown values with an
/// error that names the field and lists the known ones.
public protocol WireEnum: RawRepresentable<Int>, Codable, Sendable, CaseIterable, Hashable {
    /// The constant's name in error messages ("SMS type", "operator").
    static var wireName: String { get }
}

extension WireEnum {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw: Int
        if let number = try? container.decode(Int.self) {
            raw = number
        } else if let text = try? container.decode(String.self), let number = Int(text.trimmedASCIIWhitespace) {
            raw = number
        } else {
            throw DecodingError.typeMismatch(Int.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a \(Self.wireName)"))
        }
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "\(raw) is not a known \(Self.wireName) (\(Self.allCases.map { String($0.rawValue) }.joined(separator: ", ")))"
            ))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
