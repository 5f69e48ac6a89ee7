/// `POST /contact/create`: adds a contact to the address book and replies with it; with `uuid`, updates that contact
/// as `/contact/update` does and replies with a status, as the document says.
public struct CreateContactRequest: NodeAPIRequest {
    public typealias Reply = SavedReply<Contact>
    public static let operation = NodeAPIOperation.createContact

    /// The contact to update instead; nil to add one.
    public var uuid: String?
    public var contact: ContactFields

    public init(uuid: String? = nil, contact: ContactFields) {
        self.uuid = uuid
        self.contact = contact
    }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(ContactFields.CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: ContactFields.CodingKeys.self)
        uuid = try container.decodeText(forKey: .uuid)
        contact = try ContactFields(from: container)
        if uuid == nil, contact.gsm == nil { throw container.missing(.gsm) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ContactFields.CodingKeys.self)
        try container.encodeIfPresent(uuid, forKey: .uuid)
        try contact.encode(into: &container)
    }

    /// `gsm` is required to add a contact; a first İYS record cannot have `HS_KARAR` as its source (the document:
    /// "ilk izin ekleme işleminde HS_KARAR kaynak değerini kullanamamaktadır"), whatever `send` says.
    public func validate() throws(NodeAPIError) {
        if let uuid { try FieldRules.checkNotEmpty(uuid, "uuid") }
        if uuid == nil {
            if contact.gsm == nil { throw .invalid("gsm", "is required") }
            if contact.iys?.source == .hsKarar { throw ContactIysSettings.firstRecordKarar }
        }
        try contact.validate()
    }
}
