/// The reply of `/contact/create` and `/contact/create-group`, which the document lets update too: "uuid parametresi
/// gönderilirse güncelleme yapar ve geriye durum bilgisi döndürülür". Without `uuid`, what was created (the contact or
/// the group, as the document prints it); with `uuid`, the update's status (`{"status": 1}`). Written as the one or the
/// other, with nothing around it.
public enum SavedReply<Created: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    case created(Created)
    case updated(StatusReply)

    /// What was created, or nil for an update.
    public var created: Created? {
        if case .created(let created) = self { created } else { nil }
    }

    private enum Keys: String, CodingKey { case status, uuid }

    /// A status reply is the object with `status` and no `uuid` (a contact and a group always have their uuid).
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: Keys.self)
        if keys.contains(.status), !keys.contains(.uuid) {
            self = .updated(try StatusReply(from: decoder))
        } else {
            self = .created(try Created(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .created(let created): try created.encode(to: encoder)
        case .updated(let status): try status.encode(to: encoder)
        }
    }
}
