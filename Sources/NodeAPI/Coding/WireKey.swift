/// A coding key made from any wire name, for dynamic maps (`details`, `cfs`) and unknown-field checks.
///
/// Kept within three words (a string and a flag) so that it fits an existential's inline buffer:
/// `allKeys` then boxes no key on the heap.
public struct WireKey: CodingKey, Hashable, Sendable {
    public let stringValue: String
    private let isIndex: Bool

    public init(_ string: String) {
        stringValue = string
        isIndex = false
    }

    public init?(stringValue: String) { self.init(stringValue) }

    public init?(intValue: Int) {
        stringValue = String(intValue)
        isIndex = true
    }

    public var intValue: Int? { isIndex ? Int(stringValue) : nil }
}
