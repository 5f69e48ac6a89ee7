/// The `X-Conformance` header the proxy adds to each reply: `ok`, or `N differences: first; second…`. A header is
/// ASCII on one line: other characters are percent-encoded (Turkish messages stay readable once decoded), and the
/// value stops at ``maxBytes`` with `…` (the log line has the whole).
public enum ConformanceHeader {
    public static let maxBytes = 2048

    public static func value(_ differences: [String]) -> String {
        guard !differences.isEmpty else { return "ok" }
        let text = "\(differences.count) difference\(differences.count == 1 ? "" : "s"): " + differences.joined(separator: "; ")
        var value = ""
        for byte in text.utf8 {
            let piece = (0x20..<0x7F).contains(byte) && byte != UInt8(ascii: "%") ? String(UnicodeScalar(byte)) : "%" + hex(byte)
            guard value.utf8.count + piece.utf8.count <= maxBytes - 3 else { return value + "..." }
            value += piece
        }
        return value
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
