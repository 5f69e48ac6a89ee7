import NodeAPI

/// A user of the mock Node API: credentials, credit, senders, İYS settings and blacklist.
public struct NodeAPIAccount: Sendable, Hashable {
    public var username: String
    public var password: String
    public var userUUID: String
    public var credit: Int
    /// Whether the user has İYS settings (an İYS code); commercial packages need them (`SMS30`).
    public var hasIysSettings: Bool
    public var senders: [SenderRecord]
    /// Normalised numbers that never receive the user's packages.
    public var blacklist: Set<String>

    public init(
        username: String, password: String, userUUID: String, credit: Int, hasIysSettings: Bool = true,
        senders: [SenderRecord] = [], blacklist: Set<String> = []
    ) {
        self.username = username
        self.password = password
        self.userUUID = userUUID
        self.credit = credit
        self.hasIysSettings = hasIysSettings
        self.senders = senders
        self.blacklist = blacklist
    }

    /// The document's sample account: `admin` / `123456`, 100 000 credit, `BASLIK` approved for normal and
    /// OTP sending, a pending and a rejected sender, İYS settings on.
    public static let documentSample = NodeAPIAccount(
        username: "admin", password: "123456", userUUID: "3b05cbbb-bcc4-470c-a4c2-3ea8900dd088", credit: 100_000,
        senders: [
            SenderRecord(uuid: "5a77cb24-b1ea-47b5-8fac-6e225425797b", title: "BASLIK", state: .approved, otpApproved: true),
            SenderRecord(uuid: "1b09b8c5-ae80-42af-8779-21a61afd5da1", title: "BEKLEYEN", state: .pending),
            SenderRecord(uuid: "059b504c-bea9-4085-bc89-2648a5347059", title: "REDDEDILEN", state: .rejected),
        ]
    )
}

/// An alphanumeric sender of an account. OTP sending needs its own approval (seen in the wild).
public struct SenderRecord: Sendable, Hashable {
    public var uuid: String
    public var title: String
    public var state: SenderState
    public var otpApproved: Bool

    public init(uuid: String, title: String, state: SenderState, otpApproved: Bool = false) {
        self.uuid = uuid
        self.title = title
        self.state = state
        self.otpApproved = otpApproved
    }
}
