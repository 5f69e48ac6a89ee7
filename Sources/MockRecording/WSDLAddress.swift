/// A WSDL's `<soap:address location="…">` pointed at another address: the one a client used, so that a SOAP toolkit
/// that reads the WSDL calls where it read it (the mock's WSDL, at its port or a world's path prefix; a WSDL read
/// through the recording proxy, at the proxy). One pass over the WSDL (``MarkupScanner``).
package enum WSDLAddress {
    package static func pointing(_ wsdl: [UInt8], at location: String) -> [UInt8] {
        // Every character that could end the attribute (either quote) or open markup is escaped: the location holds the
        // client's Host.
        var escaped: [UInt8] = []
        for byte in location.utf8 {
            switch byte {
            case UInt8(ascii: "&"): escaped += Array("&amp;".utf8)
            case UInt8(ascii: "<"): escaped += Array("&lt;".utf8)
            case UInt8(ascii: ">"): escaped += Array("&gt;".utf8)
            case UInt8(ascii: "\""): escaped += Array("&quot;".utf8)
            case UInt8(ascii: "'"): escaped += Array("&apos;".utf8)
            default: escaped.append(byte)
            }
        }
        var values: [Range<Int>] = []
        for tag in MarkupScanner.startTags(wsdl) where tag.localName == "address" {
            if let value = attribute("location", in: wsdl[tag.tag]) { values.append(value) }
        }
        return MarkupScanner.replacing(values, in: wsdl, with: escaped)
    }

    /// The range of the value of `name="…"` (or `'…'`) within a tag's bytes.
    static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> Range<Int>? {
        let key = Array(name.utf8)
        var index = tag.startIndex
        while index + key.count < tag.endIndex {
            let before = index == tag.startIndex ? UInt8(ascii: " ") : tag[index - 1]
            if tag[index..<(index + key.count)].elementsEqual(key), [0x20, 0x09, 0x0A, 0x0D].contains(before) {
                var cursor = index + key.count
                while cursor < tag.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(tag[cursor]) { cursor += 1 }
                guard cursor < tag.endIndex, tag[cursor] == UInt8(ascii: "=") else { index += 1; continue }
                cursor += 1
                while cursor < tag.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(tag[cursor]) { cursor += 1 }
                guard cursor < tag.endIndex, tag[cursor] == UInt8(ascii: "\"") || tag[cursor] == UInt8(ascii: "'") else { index += 1; continue }
                let quote = tag[cursor]
                guard let end = tag[(cursor + 1)...].firstIndex(of: quote) else { return nil }
                return (cursor + 1)..<end
            }
            index += 1
        }
        return nil
    }
}
