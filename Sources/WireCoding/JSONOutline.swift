/// Where the members of a JSON text's objects are, by byte: each member's decoded key (escapes read, so
/// `"pass\u0077ord"` is `password`), and the ranges of the whole member and of its value (and, for a member a later one
/// of its object overrides, its path). What Foundation's
/// parser does not tell and two rules need: a recording redacts a credential's value in place, leaving every other
/// byte as it was sent, and a mock keeps the last of two members with the same key, as Node.js, PHP and Python do
/// (Foundation keeps the first).
///
/// One pass, linear in the text; nesting is bounded by ``maxDepth`` (a deeper text is not read, as if it were not
/// JSON). A text that is not JSON (RFC 8259: one value, whitespace around it) has no outline.
public struct JSONOutline: Sendable {
    /// An object member.
    public struct Member: Sendable, Hashable {
        /// The key as decoded.
        public var key: String
        /// Where it is, as error messages name fields (`numbers[1].text`), for an overridden member; empty for the others,
        /// so that a large body is read without building a path per member.
        public var path: String
        /// From the key's opening quote to the value's last byte.
        public var range: Range<Int>
        /// The value's bytes, quotes included for a string.
        public var value: Range<Int>
        /// True when a later member of the same object has the same key, which a reader that keeps the last ignores.
        public var isOverridden: Bool
    }

    /// Nesting deeper than this is refused: the pass recurses once per level.
    public static let maxDepth = 512

    /// Every member of every object, in the order of the text.
    public private(set) var members: [Member] = []

    /// Reads `bytes`; nil when they are not one JSON value (or nest deeper than ``maxDepth``).
    public init?(_ bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        reader.skipWhitespace()
        guard reader.value(depth: 0) else { return nil }
        reader.skipWhitespace()
        guard reader.index == bytes.count else { return nil }
        members = reader.members
    }

    /// The members that a later one of the same object overrides.
    public var overridden: [Member] { members.filter(\.isOverridden) }

    /// `bytes` without the overridden members (and the comma after each), so that any reader finds the last value of
    /// every key; the same bytes when no key repeats.
    public func keepingLast(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        for member in members where member.isOverridden && member.range.lowerBound >= index {
            out += bytes[index..<member.range.lowerBound]
            // A later member of the same object follows, so a comma does.
            var end = member.range.upperBound
            while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
            index = min(end + 1, bytes.count)
            while index < bytes.count, Reader.isWhitespace(bytes[index]) { index += 1 }
        }
        guard index > 0 else { return bytes }
        return out + bytes[index...]
    }
}

/// Recursive descent over the bytes, recording members as it goes.
private struct Reader {
    let bytes: [UInt8]
    var index = 0
    var members: [JSONOutline.Member] = []
    /// Where the reader is: the keys and list positions from the root.
    var path: [PathComponent] = []

    enum PathComponent {
        case key(String)
        case index(Int)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// ``path`` as error messages name a field: `numbers[1].text`.
    var renderedPath: String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    mutating func skipWhitespace() {
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
    }

    mutating func value(depth: Int) -> Bool {
        guard index < bytes.count, depth < JSONOutline.maxDepth else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object(depth: depth + 1)
        case UInt8(ascii: "["): return array(depth: depth + 1)
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    private mutating func object(depth: Int) -> Bool {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return true
        }
        var seen: [String: Int] = [:]
        while true {
            let start = index
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return false }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            skipWhitespace()
            let valueStart = index
            let position = members.count
            members.append(JSONOutline.Member(key: key, path: "", range: start..<start, value: start..<start, isOverridden: false))
            path.append(.key(key))
            guard value(depth: depth) else { return false }
            members[position].range = start..<index
            members[position].value = valueStart..<index
            if let earlier = seen.updateValue(position, forKey: key) {
                members[earlier].isOverridden = true
                members[earlier].path = renderedPath
            }
            path.removeLast()
            skipWhitespace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return true
            }
            guard bytes[index] == UInt8(ascii: ",") else { return false }
            index += 1
            skipWhitespace()
        }
    }

    private mutating func array(depth: Int) -> Bool {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return true
        }
        var position = 0
        while true {
            path.append(.index(position))
            guard value(depth: depth) else { return false }
            path.removeLast()
            position += 1
            skipWhitespace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return true
            }
            guard bytes[index] == UInt8(ascii: ",") else { return false }
            index += 1
            skipWhitespace()
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let matches = word.withUTF8Buffer { pattern in (0..<length).allSatisfy { bytes[index + $0] == pattern[$0] } }
        if matches { index += length }
        return matches
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() -> Bool {
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { return false }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else { digits() }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { return false }
            digits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { return false }
            digits()
        }
        return true
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func digits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    /// Past the string at `index` (its opening quote), without decoding it (a value: only keys are kept); false when it
    /// is not a JSON string.
    private mutating func skipString() -> Bool {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return true
            case 0x00..<0x20:
                return false
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return false }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                     UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                case UInt8(ascii: "u"):
                    guard hex4() != nil else { return false }
                default:
                    return false
                }
            default:
                continue
            }
        }
        return false
    }

    /// The string at `index` (its opening quote), decoded; nil when it is not a JSON string. Lone surrogates become U+FFFD.
    private mutating func string() -> String? {
        // Most keys hold no escape: taken as they are.
        var probe = index + 1
        while probe < bytes.count, bytes[probe] != UInt8(ascii: "\""), bytes[probe] != UInt8(ascii: "\\"), bytes[probe] >= 0x20 { probe += 1 }
        if probe < bytes.count, bytes[probe] == UInt8(ascii: "\"") {
            defer { index = probe + 1 }
            return String(decoding: bytes[(index + 1)..<probe], as: UTF8.self)
        }
        index += 1
        var decoded: [UInt8] = []
        var highSurrogate: UInt32?
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte != UInt8(ascii: "\\"), let pending = highSurrogate {
                Self.append(scalar: pending, to: &decoded)
                highSurrogate = nil
            }
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: decoded, as: UTF8.self)
            case 0x00..<0x20:
                return nil
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                if escape != UInt8(ascii: "u"), let pending = highSurrogate {
                    Self.append(scalar: pending, to: &decoded)
                    highSurrogate = nil
                }
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard let unit = hex4() else { return nil }
                    if let high = highSurrogate {
                        highSurrogate = nil
                        if (0xDC00...0xDFFF).contains(unit) {
                            Self.append(scalar: 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &decoded)
                            continue
                        }
                        Self.append(scalar: high, to: &decoded)
                    }
                    if (0xD800...0xDBFF).contains(unit) { highSurrogate = unit } else { Self.append(scalar: unit, to: &decoded) }
                default: return nil
                }
            default:
                decoded.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    /// A scalar's UTF-8; a surrogate (never a scalar) as U+FFFD.
    private static func append(scalar: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: String(Character(scalar)).utf8)
    }
}

extension JSONOutline {
    /// `bytes` as a reader that keeps the last of a repeated key (Node.js, PHP, Python, most gateways) reads them, and
    /// the paths of the members that reader passes over; the same bytes and none when no key repeats or the bytes are
    /// not JSON (the decoder then says why).
    public static func keepingLast(_ bytes: [UInt8]) -> (bytes: [UInt8], repeated: [String]) {
        guard let outline = JSONOutline(bytes) else { return (bytes, []) }
        let repeated = outline.overridden.map(\.path)
        return repeated.isEmpty ? (bytes, []) : (outline.keepingLast(bytes), repeated)
    }

    /// How a mock reports a repeated key it read (`X-Mock-Warning`, the journal).
    public static func repeatedWarning(_ path: String) -> String {
        "field '\(path)' given more than once: the last value was used"
    }
}
