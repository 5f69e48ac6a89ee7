/// `POST /tokens`: the integrator's credentials, issued by Euromsg Express's product team.
public struct ExpressTokenRequest: Codable, Sendable, Hashable {
    public var clientName: String
    public var password: String

    public init(clientName: String, password: String) {
        self.clientName = clientName
        self.password = password
    }
}

/// The reply of `POST /tokens`: a bearer token, when it stops working, and the integrator's roles.
public struct ExpressToken: Codable, Sendable, Hashable {
    public var tokenValue: String
    public var expireTime: ExpressDateTime
    public var roles: [String]

    public init(tokenValue: String, expireTime: ExpressDateTime, roles: [String]) {
        self.tokenValue = tokenValue
        self.expireTime = expireTime
        self.roles = roles
    }
}

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

/// `GET /health-check`: the gateway is up.
public struct HealthCheck: Codable, Sendable, Hashable {
    public var status: String
    public var time: ExpressDateTime

    public init(status: String = "Healthy", time: ExpressDateTime) {
        self.status = status
        self.time = time
    }
}
