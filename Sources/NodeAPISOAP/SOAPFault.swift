import NodeAPI

/// A SOAP 1.1 Fault: the answer to a message that is not a usable SOAP envelope at all (not XML, not
/// SOAP 1.1, an unknown operation). Errors of a well-formed call travel in `<result><err>` instead.
public struct SOAPFault: Error, Sendable, Hashable, CustomStringConvertible {
    /// The fault code's local name in the envelope namespace.
    public enum Code: String, Sendable, Hashable {
        case versionMismatch = "VersionMismatch"
        case mustUnderstand = "MustUnderstand"
        case client = "Client"
        case server = "Server"
    }

    public var code: Code
    public var reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The same problem as a Node API error (`ERR_BAD_REQUEST`, or `ERR_NOT_FOUND` for an unknown operation).
    public var nodeAPIError: NodeAPIError {
        switch code {
        case .server: NodeAPIError(.internalServer, detail: reason)
        default: NodeAPIError(.sms00, detail: reason)
        }
    }

    public var description: String { "SOAP Fault \(code.rawValue): \(reason)" }
}

/// Why a SOAP message could not be decoded: a ``SOAPFault`` (the envelope itself is unusable) or a
/// Node API error of a well-formed call (a field is wrong).
public enum NodeAPISOAPError: Error, Sendable, Hashable, CustomStringConvertible {
    case fault(SOAPFault)
    case provider(NodeAPIError)

    /// The problem as a Node API error, whichever kind it is.
    public var nodeAPIError: NodeAPIError {
        switch self {
        case .fault(let fault): fault.nodeAPIError
        case .provider(let error): error
        }
    }

    public var description: String {
        switch self {
        case .fault(let fault): fault.description
        case .provider(let error): error.description
        }
    }
}

/// `<username>` and `<password>` of a SOAP request body.
public struct Credentials: Sendable, Hashable {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

/// A decoded SOAP request: the typed request and the credentials the body carried, if any.
public struct SOAPRequest<Request: NodeAPIRequest>: Sendable, Hashable {
    public var request: Request
    public var credentials: Credentials?

    public init(request: Request, credentials: Credentials?) {
        self.request = request
        self.credentials = credentials
    }
}
