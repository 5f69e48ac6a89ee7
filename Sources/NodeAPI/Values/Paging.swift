/// `stats` of a list reply.
public struct ListStats: Sendable, Hashable, Codable {
    public var totalRecord: Int
    public init(totalRecord: Int) { self.totalRecord = totalRecord }
}

/// A page of a list reply: `{"stats": {"totalRecord": n}, "list": [...]}`.
public struct Page<Element: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var stats: ListStats
    public var list: [Element]

    public init(totalRecord: Int, list: [Element]) {
        stats = ListStats(totalRecord: totalRecord)
        self.list = list
    }

    private enum CodingKeys: String, CodingKey { case stats, list }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stats = try container.decode(ListStats.self, forKey: .stats)
        // An empty list is an empty element in SOAP and may be null in JSON.
        list = (try? container.decodeNil(forKey: .list)) == false ? try container.decode([Element].self, forKey: .list) : []
    }
}

/// `pageIndex` (from 0) and `pageSize` (10–1000) of list requests.
public struct Paging: Sendable, Hashable {
    public var pageIndex: Int?
    public var pageSize: Int?

    public init(pageIndex: Int? = nil, pageSize: Int? = nil) {
        self.pageIndex = pageIndex
        self.pageSize = pageSize
    }

    public static let pageSizes = 10...1000
    /// Highest `pageIndex` accepted: far past any list the mock keeps (a million items at 10 a page is 100 000 pages),
    /// and low enough that `pageIndex × pageSize` never overflows.
    public static let maxPageIndex = 10_000_000

    /// Reads `pageIndex` and `pageSize` of a list request.
    init<K: CodingKey>(from container: KeyedDecodingContainer<K>, index: K, size: K) throws {
        pageIndex = try container.decodeLenientInt(forKey: index)
        pageSize = try container.decodeLenientInt(forKey: size)
    }

    /// Writes the fields that are set.
    func encode<K: CodingKey>(into container: inout KeyedEncodingContainer<K>, index: K, size: K) throws {
        try container.encodeIfPresent(pageIndex, forKey: index)
        try container.encodeIfPresent(pageSize, forKey: size)
    }

    public func validate() throws(NodeAPIError) {
        if let pageIndex, !(0...Self.maxPageIndex).contains(pageIndex) { throw .invalid("pageIndex", "must be between 0 and \(Self.maxPageIndex)") }
        if let pageSize, !Self.pageSizes.contains(pageSize) { throw .invalid("pageSize", "must be between 10 and 1000") }
    }

    /// The positions of this page among `count` results: empty past the end. Checked arithmetic, so that even a
    /// request that skipped ``validate()`` cannot overflow.
    public func window(in count: Int) -> Range<Int> {
        let size = max(pageSize ?? FieldRules.defaultPageSize, 0)
        let (offset, overflow) = max(pageIndex ?? 0, 0).multipliedReportingOverflow(by: size)
        let start = overflow ? count : min(offset, count)
        return start..<(start + min(size, count - start))
    }
}
