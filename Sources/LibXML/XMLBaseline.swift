internal import CLibXML2

/// libxml2's own DOM parse of a buffer, then free: the floor that codec benchmarks compare with.
public enum XMLBaseline {
    /// Parses `bytes` into a libxml2 document and frees it; returns whether it was well formed.
    @discardableResult
    public static func parseAndFree(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { pm_baseline_parse_and_free($0.baseAddress, Int32($0.count)) == 0 }
        }
    }
}
