/// `PUT /apiKey/identification`: binds an end user's API key to the integrator's token. The key may also
/// come as the path's last part or the `apiKey` query parameter (the document lists it as a path variable).
public struct IdentificationRequest: Codable, Sendable, Hashable {
    public var apiKey: String

    public init(apiKey: String) { self.apiKey = apiKey }
}

/// The reply of `PUT /apiKey/identification`: who the token now acts for and what they may do.
public struct Identification: Codable, Sendable, Hashable {
    public var apiKey: String
    public var accountName: String
    /// Whether the end user made Euromsg Express its İYS integrator (members then need İYS fields).
    public var iysIntegrator: Bool
    public var sendingRights: SendingRights

    public init(apiKey: String, accountName: String, iysIntegrator: Bool, sendingRights: SendingRights) {
        self.apiKey = apiKey
        self.accountName = accountName
        self.iysIntegrator = iysIntegrator
        self.sendingRights = sendingRights
    }
}

/// An end user's right to send: the welcome package (500 sends for one month after sign-up) and any bought
/// package. Members flow into lists only while `active`.
public struct SendingRights: Codable, Sendable, Hashable {
    public var active: Bool
    public var remainingSends: Int
    public var expiresAt: ExpressDateTime?

    public init(active: Bool, remainingSends: Int, expiresAt: ExpressDateTime?) {
        self.active = active
        self.remainingSends = remainingSends
        self.expiresAt = expiresAt
    }
}
