/// A linear pass over the raw bytes before libxml2 sees them, for the one bound libxml2 cannot keep itself: the
/// attributes of one start tag. libxml2 checks a tag's attributes and namespace declarations for duplicates pair by
/// pair, so 200 000 attributes on one element (2.3 MB) took 48 s, all inside one call that no SAX callback
/// interrupts. The pass counts `=` signs outside quoted values in each start tag (an upper bound of its attributes and
/// `xmlns` declarations), skipping comments, CDATA sections and processing instructions, and visits each byte once.
///
/// It decides nothing else: whether the document is well formed is libxml2's call.
enum XMLPreflight {
    static func check(_ bytes: UnsafeRawBufferPointer, limits: XMLParseLimits) -> XMLParseError? {
        let count = bytes.count
        var index = 0
        var elements = 0
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let next = index + 1 < count ? bytes[index + 1] : 0
            switch next {
            case UInt8(ascii: "!"):
                if matches(bytes, at: index, "<!--") {
                    index = skip(bytes, from: index + 4, past: "-->")
                } else if matches(bytes, at: index, "<![CDATA[") {
                    index = skip(bytes, from: index + 9, past: "]]>")
                } else {
                    index = skip(bytes, from: index + 2, past: ">")
                }
            case UInt8(ascii: "?"):
                index = skip(bytes, from: index + 2, past: "?>")
            case UInt8(ascii: "/"):
                index = skip(bytes, from: index + 2, past: ">")
            default:
                elements += 1
                if elements > limits.maxNodes { return .tooManyNodes(limit: limits.maxNodes) }
                var attributes = 0
                var quote: UInt8 = 0
                index += 1
                while index < count {
                    let byte = bytes[index]
                    index += 1
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "=") {
                        attributes += 1
                        if attributes > limits.maxAttributesPerElement { return .tooManyAttributes(limit: limits.maxAttributesPerElement) }
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                }
            }
        }
        return nil
    }

    private static func matches(_ bytes: UnsafeRawBufferPointer, at index: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        return literal.withUTF8Buffer { pattern in
            (0..<length).allSatisfy { bytes[index + $0] == pattern[$0] }
        }
    }

    /// The index just past the first `terminator` at or after `start`, or the end.
    private static func skip(_ bytes: UnsafeRawBufferPointer, from start: Int, past terminator: StaticString) -> Int {
        var index = start
        while index < bytes.count {
            if matches(bytes, at: index, terminator) { return index + terminator.utf8CodeUnitCount }
            index += 1
        }
        return bytes.count
    }
}
