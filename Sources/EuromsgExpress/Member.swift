import MySoftIYS
/// A member of an end user's account: one per e-mail address, in any number of lists.
public struct Member: Codable, Sendable, Hashable {
    public var memberId: Int
    public var email: String
    public var firstName: String?
    public var lastName: String?
    public var phone: String?
    public var listIds: [Int]
    /// `Unsubscribed` once the member left through a campaign's link (shown at once, as the document says).
    public var status: MemberStatus
    public var iys: MemberIYS?
    public var createdAt: ExpressDateTime
    public var updatedAt: ExpressDateTime

    public init(
        memberId: Int, email: String, firstName: String? = nil, lastName: String? = nil, phone: String? = nil, listIds: [Int],
        status: MemberStatus = .subscribed, iys: MemberIYS? = nil, createdAt: ExpressDateTime, updatedAt: ExpressDateTime
    ) {
        self.memberId = memberId
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.listIds = listIds
        self.status = status
        self.iys = iys
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Whether a member still receives campaigns.
public enum MemberStatus: String, IYSWireEnum {
    case subscribed = "Subscribed"
    case unsubscribed = "Unsubscribed"
}

/// The İYS fields of a member, required when the end user made Euromsg Express its İYS integrator:
/// the individual consent's date and source, and the merchant (TACIR) consent status.
public struct MemberIYS: Codable, Sendable, Hashable {
    /// Bireysel izin tarihi, `yyyy-MM-dd HH:mm:ss`.
    public var consentDate: IYSDateTime
    /// Bireysel izin kaynağı: a brand source (`HS_*`).
    public var consentSource: ConsentSource
    /// Tacir izin durumu.
    public var merchantConsentStatus: ConsentStatus

    public init(consentDate: IYSDateTime, consentSource: ConsentSource, merchantConsentStatus: ConsentStatus) {
        self.consentDate = consentDate
        self.consentSource = consentSource
        self.merchantConsentStatus = merchantConsentStatus
    }

    /// Brands give `HS_*` sources only; `IYS_*` ones are İYS's own.
    public func validate(prefix: String = "iys") throws(ExpressError) {
        if consentSource.isIYS { throw .invalid("\(prefix).consentSource", "must be an HS_* source (IYS_* sources are İYS's own)") }
    }
}

/// E-mail addresses as Euromsg Express accepts them: `local@domain.tld`, at most 254 characters, compared
/// without case.
public enum EmailAddress {
    public static func validate(_ email: String, field: String = "email") throws(ExpressError) {
        guard email.count <= 254 else { throw .invalid(field, "is longer than 254 characters") }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace })
        else { throw .invalid(field, "'\(email)' is not an e-mail address") }
    }

    /// The form addresses are compared in: lower case.
    public static func key(_ email: String) -> String { email.lowercased() }
}
