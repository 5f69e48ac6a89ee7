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
