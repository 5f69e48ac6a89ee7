/// A content with custom fields (`Merhaba NAME`), cut once into literal text and field names, so that each
/// recipient's text costs its length: a package of 100 000 recipients and 100 fields stays linear.
///
/// At each position the longest field name that starts there is taken (`NAME_2` before `NAME`); a value is never
/// searched again for names; a field without a value is replaced by nothing.
public struct PersonalisedText: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case field(String)
    }

    let parts: [Part]

    public init(template: String, fields: some Sequence<String>) {
        let bytes = Array(template.utf8)
        // Candidates by first byte, longest first.
        var byFirstByte: [UInt8: [[UInt8]]] = [:]
        for field in Set(fields) where !field.isEmpty {
            let name = Array(field.utf8)
            byFirstByte[name[0], default: []].append(name)
        }
        // Two different names of one length cannot both match at one position: length alone orders them.
        for key in byFirstByte.keys { byFirstByte[key]?.sort { $0.count > $1.count } }
        var parts: [Part] = []
        var literalStart = 0
        var index = 0
        while index < bytes.count {
            let match = byFirstByte[bytes[index]]?.first { name in
                name.count <= bytes.count - index && bytes[index..<(index + name.count)].elementsEqual(name)
            }
            guard let match else {
                index += 1
                continue
            }
            if literalStart < index { parts.append(.literal(String(decoding: bytes[literalStart..<index], as: UTF8.self))) }
            parts.append(.field(String(decoding: match, as: UTF8.self)))
            index += match.count
            literalStart = index
        }
        if literalStart < bytes.count { parts.append(.literal(String(decoding: bytes[literalStart...], as: UTF8.self))) }
        self.parts = parts
    }

    /// The text with these values.
    public func text(with values: [String: String]) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .field(let name): text += values[name] ?? ""
            }
        }
        return text
    }
}
