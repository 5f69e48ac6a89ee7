/// `POST /contact/update`: changes the contact with `uuid`; replies with a status.
public struct UpdateContactRequest: NodeAPIRequest {
    public typealias Reply = StatusReply
    public static let operation = NodeAPIOperation.updateContact

    public var uuid: String
    public var contact: ContactFields

    public init(uuid: String, contact: ContactFields) {
        self.uuid = uuid
        self.contact = contact
    }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(ContactFields.CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: ContactFields.CodingKeys.self)
        uuid = try container.requireText(forKey: .uuid)
        contact = try ContactFields(from: container)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ContactFields.CodingKeys.self)
        try container.encode(uuid, forKey: .uuid)
        try contact.encode(into: &container)
    }

    public func validate() throws(NodeAPIError) {
        try FieldRules.checkNotEmpty(uuid, "uuid")
        try contact.validate()
    }
}
