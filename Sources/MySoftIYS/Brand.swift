import Foundation

/// One entry of `GET /api/IYSConsent/IYSBrands`: a brand of the account and its consent statistics.
public struct Brand: Codable, Sendable, Hashable {
    public struct Stats: Codable, Sendable, Hashable {
        public struct Consents: Codable, Sendable, Hashable {
            public var approval: Int
            public var rejection: Int
            public var total: Int
            public init(approval: Int, rejection: Int, total: Int) {
                self.approval = approval
                self.rejection = rejection
                self.total = total
            }
        }

        public struct Retailers: Codable, Sendable, Hashable {
            public var total: Int
            public init(total: Int) { self.total = total }
        }

        public var consents: Consents
        public var retailers: Retailers
        public init(consents: Consents, retailers: Retailers) {
            self.consents = consents
            self.retailers = retailers
        }
    }

    /// A number on the wire here (text in requests).
    public var brandCode: Int
    public var stats: Stats
    public var name: String
    /// Whether this is the account's main brand.
    public var master: Bool

    public init(brandCode: Int, stats: Stats, name: String, master: Bool) {
        self.brandCode = brandCode
        self.stats = stats
        self.name = name
        self.master = master
    }
}

/// What MySoft POSTs to a brand's webhook when a consent changes (`WebhookConsentModel`). `webHookKey` is the
/// private key registered with the webhook, so the receiver can refuse calls that are not MySoft's.
public struct WebhookConsentModel: Codable, Sendable, Hashable {
    public var webHookKey: String
    public var brandCode: String
    public var consentData: ConsentData

    public init(webHookKey: String, brandCode: String, consentData: ConsentData) {
        self.webHookKey = webHookKey
        self.brandCode = brandCode
        self.consentData = consentData
    }

    enum CodingKeys: String, CodingKey { case webHookKey, brandCode, consentData }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        webHookKey = try container.decode(String.self, forKey: .webHookKey)
        brandCode = try container.decodeBrandCode(forKey: .brandCode)
        consentData = try container.decode(ConsentData.self, forKey: .consentData)
    }
}

/// `POST /oauth/token` with `grant_type=password` (as a form or as JSON).
public struct TokenRequest: Codable, Sendable, Hashable {
    public var username: String
    public var password: String
    public var grantType: String

    public init(username: String, password: String, grantType: String = "password") {
        self.username = username
        self.password = password
        self.grantType = grantType
    }

    enum CodingKeys: String, CodingKey {
        case username, password
        case grantType = "grant_type"
    }

    /// The form encoding (`application/x-www-form-urlencoded`).
    public var formEncoded: String {
        func escape(_ text: String) -> String {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
        }
        return "username=\(escape(username))&password=\(escape(password))&grant_type=\(escape(grantType))"
    }

    /// Reads a form body: `+` is a space, `%XX` escapes are decoded; nil when a field is missing.
    public init?(form: String) {
        var fields: [String: String] = [:]
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String { String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        guard let username = fields["username"], let password = fields["password"] else { return nil }
        self.init(username: username, password: password, grantType: fields["grant_type"] ?? "")
    }
}

/// The token reply: `{access_token, token_type: "bearer", expires_in}` (seconds).
public struct OAuthToken: Codable, Sendable, Hashable {
    public var accessToken: String
    public var tokenType: String
    public var expiresIn: Int

    public init(accessToken: String, tokenType: String = "bearer", expiresIn: Int) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
    }
}

/// An OAuth 2.0 error reply (RFC 6749 §5.2), e.g. `invalid_grant` for wrong credentials.
public struct OAuthError: Codable, Sendable, Hashable, Error {
    public var error: String
    public var errorDescription: String?

    public init(error: String, errorDescription: String? = nil) {
        self.error = error
        self.errorDescription = errorDescription
    }

    enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
    }
}
