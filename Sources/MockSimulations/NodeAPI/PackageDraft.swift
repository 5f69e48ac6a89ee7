import MySoftIYS
import NodeAPI

/// What a sending operation asks the simulation to store: the package before its items are built,
/// charged and given ids. `create`, `create-otp`, `create-kvkk` and `recreate` each fill one in.
struct PackageDraft: Sendable {
    var recipients: [(number: GSMNumber, msg: String?)]
    var content: String?
    var encoding: SmsEncoding
    var type: SmsType
    var sender: String
    var title: String
    /// Minutes.
    var validity: Int
    var commercial: Bool
    var pushURL: String?
    var customID: String?
    var periodic: PeriodicSettings?
    /// When sending starts, in milliseconds since the epoch.
    var startsAt: Int64
    var isScheduled: Bool
    /// A deliberate resend (`recreate`): not refused as a duplicate.
    var isResend = false
    /// The İYS recipient type a commercial package is for (`recipientType`): only that type's consent counts.
    var recipientType: IysRecipientType? = nil

    /// ``recipientType`` in the İYS mock's terms; `nil` reads either type's consent.
    var consentRecipientType: RecipientType? { Self.consentType(recipientType) }

    /// A package's `recipientType` in the İYS mock's terms.
    static func consentType(_ recipientType: IysRecipientType?) -> RecipientType? {
        switch recipientType {
        case .individual: .individual
        case .merchant: .merchant
        case nil: nil
        }
    }
}
