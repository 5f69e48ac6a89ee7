import NodeAPI

/// A user of the mock Node API: credentials, credit, senders, İYS settings and blacklist.
public struct NodeAPIAccount: Sendable, Hashable {
    public var username: String
    public var password: String
    public var userUUID: String
    /// The account's numeric id, sent as `userID` in delivery reports (scenario `userID`, 1 when absent).
    public var userID: Int
    public var credit: Int
    /// Whether the user has İYS settings (an İYS code); commercial packages need them (`SMS30`).
    public var hasIysSettings: Bool
    /// The account's İYS brand code: commercial packages go only to recipients with `ONAY` for `MESAJ` in it
    /// (when the world has the İYS mock's consents).
    public var iysBrandCode: String?
    public var senders: [SenderRecord]
    /// The account's gateways (`/sms/list-sender`'s and `/sms/list-gateway`'s), which `gateway` of a package names.
    public var gateways: [Gateway]
    /// Normalised numbers that never receive the user's packages.
    public var blacklist: Set<String>
    /// The blacklisted numbers that left by an opt-out SMS (`exitType` MO); the others left by the user's own hand
    /// (the panel or the API: `exitType` WEB).
    package var moExits: Set<String> = []
    /// How the reseller this account stands for answers (``NodeAPIDialect``; scenario `dialect`).
    package var dialect: NodeAPIDialect = .document

    public init(
        username: String, password: String, userUUID: String, userID: Int = 1, credit: Int, hasIysSettings: Bool = true,
        iysBrandCode: String? = nil, senders: [SenderRecord] = [], gateways: [Gateway] = [], blacklist: Set<String> = []
    ) {
        self.iysBrandCode = iysBrandCode
        self.username = username
        self.password = password
        self.userUUID = userUUID
        self.userID = userID
        self.credit = credit
        self.hasIysSettings = hasIysSettings
        self.senders = senders
        self.gateways = gateways
        self.blacklist = blacklist
    }
}

/// An alphanumeric sender of an account. OTP sending needs its own approval (seen in the wild).
public struct SenderRecord: Sendable, Hashable {
    public var uuid: String
    public var title: String
    public var state: SenderState
    public var otpApproved: Bool
    /// The uuids of the account's gateways defined for this sender: a package from it may name only these.
    public var gateways: [String]

    public init(uuid: String, title: String, state: SenderState, otpApproved: Bool = false, gateways: [String] = []) {
        self.gateways = gateways
        self.uuid = uuid
        self.title = title
        self.state = state
        self.otpApproved = otpApproved
    }
}
