import Foundation
import MySoftIYS

/// A date-time on the Euromsg Express wire: ISO 8601 in Turkish time with its offset,
/// `yyyy-MM-dd'T'HH:mm:ss+03:00` (the document writes only `<DateTime>`; see the README).
public struct ExpressDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The Turkish wall time.
    public var wall: IYSDateTime

    public init(_ wall: IYSDateTime) { self.wall = wall }

    /// Parses `yyyy-MM-ddTHH:mm:ss+03:00`; the offset may be left out (Turkish time is meant).
    public init?(_ text: String) {
        var body = Substring(text)
        if body.hasSuffix("+03:00") { body = body.dropLast(6) }
        guard body.count == 19, body.dropFirst(10).first == "T", let wall = IYSDateTime(String(body.prefix(10) + " " + body.dropFirst(11))) else {
            return nil
        }
        self.wall = wall
    }

    /// The İYS form with `T` for its one space, and the offset.
    public var description: String { wall.description.replacingOccurrences(of: " ", with: "T") + "+03:00" }

    public static func < (lhs: ExpressDateTime, rhs: ExpressDateTime) -> Bool { lhs.wall < rhs.wall }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = ExpressDateTime(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date in the form yyyy-MM-ddTHH:mm:ss+03:00"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
