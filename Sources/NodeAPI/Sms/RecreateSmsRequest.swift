/// `GET|POST /sms/recreate`: sends a complete or wholly failed package again as a new package.
public struct RecreateSmsRequest: NodeAPIRequest {
    public typealias Reply = PackageCreated
    public static let operation = NodeAPIOperation.recreateSms

    /// `id` or `uuid`: exactly one.
    public var package: PackageReference
    public var title: String
    /// Also send to contacts added since to the package's contact group.
    public var includeNewNumbers: Bool

    public init(package: PackageReference, title: String, includeNewNumbers: Bool) {
        self.package = package
        self.title = title
        self.includeNewNumbers = includeNewNumbers
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case id, uuid, title, includeNewNumbers }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        package = try PackageReference.decode(from: container, idKey: .id, uuidKey: .uuid, customIDKey: nil)
        title = try container.requireText(forKey: .title)
        guard let include = try container.decodeLenientBool(forKey: .includeNewNumbers) else { throw container.missing(.includeNewNumbers) }
        includeNewNumbers = include
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try package.encode(into: &container, idKey: .id, uuidKey: .uuid, customIDKey: nil)
        try container.encode(title, forKey: .title)
        try container.encode(includeNewNumbers, forKey: .includeNewNumbers)
    }

    public func validate() throws(NodeAPIError) {
        try package.validate()
        try FieldRules.checkNotEmpty(title, "title")
        try FieldRules.checkLength(title, "title", limit: FieldRules.titleLength)
    }
}
