import NodeAPI

/// One SMS as the handset received it: the admin API's inbox (`GET /__admin/sms`).
public struct HandsetMessage: Sendable, Hashable, Codable {
    public var to: String
    public var pkgID: Int
    public var itemID: String
    /// The account that sent it.
    public var user: String
    public var sender: String
    /// The text the handset shows: the recipient's own in a many-to-many package, else the package's.
    public var text: String
    /// The Node API's encoding number (0 GSM 7-bit, 1 Turkish shift table, 2 UCS-2).
    public var encoding: SmsEncoding
    public var segments: Int
    /// What it cost (0 for a recipient the İYS gate refused).
    public var credit: Int
    /// The item's state now: the Node API's number, and its name.
    public var state: ItemState
    public var stateName: String
    /// Every state it has been in so far, with when it entered it (ISO 8601), oldest first.
    public var history: [StateChange]
    /// When the package was created, ISO 8601.
    public var createdAt: String
    /// The first run of 4 to 8 digits in the text (a one-time code), or nil.
    public var otp: String?

    /// A state the item entered, and when (ISO 8601).
    public struct StateChange: Sendable, Hashable, Codable {
        public var state: ItemState
        public var stateName: String
        public var at: String
    }
}
