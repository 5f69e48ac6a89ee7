/// `GET|POST /sms/cancel` (SOAP `cancelSmsPackage`): cancels a scheduled package or one not yet sending.
public struct CancelSmsRequest: NodeAPIRequest {
    public typealias Reply = StatusReply
    public static let operation = NodeAPIOperation.cancelSms

    /// `id`, `uuid` or `customID`: exactly one.
    public var package: PackageReference

    public init(package: PackageReference) { self.package = package }

    enum CodingKeys: String, CodingKey, CaseIterable { case id, uuid, customID }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        package = try PackageReference.decode(from: container, idKey: .id, uuidKey: .uuid, customIDKey: .customID)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try package.encode(into: &container, idKey: .id, uuidKey: .uuid, customIDKey: .customID)
    }

    public func validate() throws(NodeAPIError) { try package.validate() }
}
