/// `{"pkgID": 222962}`: the reply of every call that creates a package.
public struct PackageCreated: Sendable, Hashable, Codable {
    public var pkgID: Int
    public init(pkgID: Int) { self.pkgID = pkgID }
}

/// `{"status": 1}`: the reply of calls that only report success.
public struct StatusReply: Sendable, Hashable, Codable {
    public var status: Int
    public init(status: Int = 1) { self.status = status }
}

/// The parameterless request body (`{}` or nothing at all).
public struct EmptyBody: Sendable, Hashable, Codable {
    public init() {}
    private enum CodingKeys: String, CodingKey, CaseIterable { case unused }
    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
    }
    public func encode(to encoder: any Encoder) throws { _ = encoder.container(keyedBy: CodingKeys.self) }
}
