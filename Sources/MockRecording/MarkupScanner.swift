/// One pass over a body's bytes that finds XML start tags and JSON string fields by name, for what a recording redacts
/// and a proxied WSDL rewrites. Linear in the body whatever it holds: a tag or string that never ends stops the scan
/// rather than being searched for again from every later position (what made a pattern-matching version quadratic: a
/// 400 KB body of `<username ` took minutes).
package enum MarkupScanner {
    /// A start tag: its local name (after any prefix) and the byte ranges of the tag and of the text after it, up to
    /// the next `<`.
    package struct Tag {
        package var localName: String
        package var tag: Range<Int>
        package var text: Range<Int>
    }

    /// Every start tag of `bytes`, in order.
    package static func startTags(_ bytes: [UInt8]) -> [Tag] {
        var tags: [Tag] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            guard let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let nameEnd = bytes[(open + 1)..<close].firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: "/") } ?? close
            let name = bytes[(open + 1)..<nameEnd]
            let isStart = name.first.map { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "!") } ?? false
            if isStart {
                let textEnd = bytes[(close + 1)...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name[...]
                let selfClosing = bytes[close - 1] == UInt8(ascii: "/")
                let text = selfClosing ? (close + 1)..<(close + 1) : (close + 1)..<textEnd
                tags.append(Tag(localName: String(decoding: local, as: UTF8.self), tag: open..<(close + 1), text: text))
            }
            index = close + 1
        }
        return tags
    }

    /// The string values of the JSON fields named in `names`, anywhere in `bytes` (valid JSON or not): the ranges between
    /// their quotes.
    package static func stringFields(_ bytes: [UInt8], named names: Set<String>) -> [Range<Int>] {
        var values: [Range<Int>] = []
        var index = 0
        while let quote = bytes[index...].firstIndex(of: UInt8(ascii: "\"")) {
            let (end, complete) = stringEnd(bytes, from: quote + 1)
            guard complete else { break }
            index = end + 1
            guard names.contains(String(decoding: bytes[(quote + 1)..<end], as: UTF8.self)) else { continue }
            var cursor = end + 1
            while cursor < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") else { continue }
            cursor += 1
            while cursor < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") else { continue }
            let (valueEnd, _) = stringEnd(bytes, from: cursor + 1)
            values.append((cursor + 1)..<valueEnd)
            index = min(valueEnd + 1, bytes.count)
        }
        return values
    }

    /// Where the JSON string starting at `start` ends (its closing quote), and whether it does; escapes are skipped.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> (Int, Bool) {
        var cursor = start
        while cursor < bytes.count {
            switch bytes[cursor] {
            case UInt8(ascii: "\\"): cursor += 2
            case UInt8(ascii: "\""): return (cursor, true)
            default: cursor += 1
            }
        }
        return (bytes.count, false)
    }

    /// `bytes` with each range replaced by `replacement`; the ranges in order and apart.
    package static func replacing(_ ranges: [Range<Int>], in bytes: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        for range in ranges where range.lowerBound >= index {
            out += bytes[index..<range.lowerBound]
            out += replacement
            index = range.upperBound
        }
        return out + bytes[min(index, bytes.count)...]
    }
}
