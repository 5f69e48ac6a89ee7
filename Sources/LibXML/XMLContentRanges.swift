extension XMLDocumentParser {
    /// Where the content of each element whose local name is in `localNames` (matched without regard to case) lies in
    /// `bytes`: from just after its start tag to its end tag, whatever it holds (text, CDATA, comments, processing
    /// instructions, child elements); outermost elements only, in document order, none for an empty element.
    ///
    /// The document is parsed as ``parse(_:limits:)`` parses it, with its bounds and refusals; the offsets are
    /// libxml2's, checked against the bytes. Nil when they do not fit the bytes, as with a document in an encoding
    /// other than UTF-8, whose offsets count converted bytes.
    public static func contentRanges(
        of localNames: Set<String>, in bytes: [UInt8], limits: XMLParseLimits = .default
    ) throws(XMLParseError) -> [Range<Int>]? {
        let marking = Set(localNames.map { $0.lowercased() })
        let marks = try bytes.withUnsafeBytes { parse($0, limits: limits, marking: marking) }.get().marks
        var ranges: [Range<Int>] = []
        for (start, end) in marks {
            guard start >= 0, start < end, end <= bytes.count, bytes[end - 1] == UInt8(ascii: ">") else { return nil }
            if bytes[start] == UInt8(ascii: "/") { continue }
            guard bytes[start] == UInt8(ascii: ">"),
                  let closing = bytes[(start + 1)..<end].lastIndex(of: UInt8(ascii: "<")),
                  closing + 1 < end, bytes[closing + 1] == UInt8(ascii: "/") else { return nil }
            if closing > start + 1 { ranges.append((start + 1)..<closing) }
        }
        return ranges
    }
}
