import MySoftIYS

/// What went wrong, as the Euromsg Express mock answers it. The document shows no error body, so this
/// shape is the project's decision (README, "The Euromsg Express mock"): `{errorCode, message, field?}`
/// with the HTTP status each code names.
public enum ExpressErrorCode: String, IYSWireEnum {
    /// `POST /tokens` with a wrong client name or password.
    case invalidCredentials = "INVALID_CREDENTIALS"
    /// No bearer token, or one the gateway never issued.
    case unauthorized = "UNAUTHORIZED"
    /// A bearer token past its `expireTime`.
    case tokenExpired = "TOKEN_EXPIRED"
    /// A call for an end user's data before `PUT /apiKey/identification`.
    case apiKeyRequired = "API_KEY_REQUIRED"
    /// An API key no end user created.
    case unknownAPIKey = "UNKNOWN_API_KEY"
    /// The end user's welcome package (500 sends, one month) is used up or expired and no package is active.
    case noSendingRights = "NO_SENDING_RIGHTS"
    /// A field is missing, of the wrong type or out of range; `field` names it.
    case validation = "VALIDATION_ERROR"
    /// No list, member or campaign with that id (for this end user).
    case notFound = "NOT_FOUND"
    /// A list name the end user already has.
    case conflict = "CONFLICT"
    /// The request body is over the size limit.
    case tooLarge = "PAYLOAD_TOO_LARGE"
    /// The gateway serves no more connections at once (the mock's connection limit).
    case unavailable = "SERVICE_UNAVAILABLE"

    /// The HTTP status the gateway answers with.
    public var httpStatus: Int {
        switch self {
        case .invalidCredentials, .unauthorized, .tokenExpired: 401
        case .apiKeyRequired, .noSendingRights: 403
        case .unknownAPIKey, .notFound: 404
        case .validation: 400
        case .conflict: 409
        case .tooLarge: 413
        case .unavailable: 503
        }
    }
}

/// A refused Euromsg Express call: the error body `{errorCode, message, field?}`.
public struct ExpressError: Error, Codable, Sendable, Hashable, CustomStringConvertible {
    public var errorCode: ExpressErrorCode
    public var message: String
    /// The request field at fault, for `VALIDATION_ERROR`.
    public var field: String?

    public init(_ code: ExpressErrorCode, _ message: String, field: String? = nil) {
        self.errorCode = code
        self.message = message
        self.field = field
    }

    /// `VALIDATION_ERROR` naming the field.
    public static func invalid(_ field: String, _ problem: String) -> ExpressError {
        ExpressError(.validation, "\(field): \(problem)", field: field)
    }

    public var description: String { "\(errorCode.rawValue): \(message)" }
}
