import Hummingbird
import MockSimulations
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP

/// One wire face of the Node API mock: how a request is read and a reply written. The JSON and SOAP
/// faces share everything else (``NodeAPIDispatcher``), so a package created by SOAP is listed by JSON.
protocol NodeAPIFace: Sendable {
    func request<Request: NodeAPIRequest>(_ type: Request.Type) throws(NodeAPIError) -> Request
    func reply<Payload: Codable & Sendable & Hashable>(_ reply: NodeAPIReply<Payload>) -> WireResponse
}

/// How the Node API mock reads requests and answers errors, on both faces.
package struct NodeAPIWirePolicy: Sendable, Hashable {
    /// Errors travel with their own status (the default) or always as 200 (some resellers).
    package var errorsAsHTTP200: Bool
    /// Unknown request fields are refused with `ERR_INVALID_PARAM`; by default they are ignored, as the provider
    /// does, and reported (`X-Mock-Warning`, the journal).
    package var strictRequests: Bool

    package init(errorsAsHTTP200: Bool = false, strictRequests: Bool = false) {
        self.errorsAsHTTP200 = errorsAsHTTP200
        self.strictRequests = strictRequests
    }

    /// Where a decode lists the unknown fields it ignores; `nil` in the strict mode, which refuses them.
    func ignoredFields() -> IgnoredFields? { strictRequests ? nil : IgnoredFields() }

    func status(of reply: NodeAPIReply<some Codable & Sendable & Hashable>) -> HTTPResponse.Status {
        guard case .failure(let error) = reply, !errorsAsHTTP200 else { return .ok }
        return HTTPResponse.Status(code: error.status)
    }
}

struct JSONFace: NodeAPIFace {
    let body: [UInt8]
    /// A GET's query string, when it has parameters: they are the request's, and the body is not read.
    let query: Substring?
    let policy: NodeAPIWirePolicy
    /// The unknown fields the request's decode ignored (none in the strict mode, which refuses them).
    let ignored: IgnoredFields?

    init(body: [UInt8], query: Substring? = nil, policy: NodeAPIWirePolicy) {
        self.body = body
        self.query = query
        self.policy = policy
        ignored = policy.ignoredFields()
    }

    func request<Request: NodeAPIRequest>(_ type: Request.Type) throws(NodeAPIError) -> Request {
        // Not validated here: the simulation checks the field rules, once (``NodeAPISimulation/respond(to:as:)``).
        if let query { return try NodeAPIJSON.decodeRequest(type, query: query, validating: false, ignoring: ignored) }
        return try NodeAPIJSON.decodeRequest(type, from: body, validating: false, ignoring: ignored)
    }

    func reply<Payload: Codable & Sendable & Hashable>(_ reply: NodeAPIReply<Payload>) -> WireResponse {
        let bytes = (try? NodeAPIJSON.encodeReply(reply)) ?? Array(#"{"data":null,"err":{"code":"ERR_INTERNAL_SERVER","message":"Sunucu hatası.","status":500}}"#.utf8)
        var response = Self.response(bytes, status: policy.status(of: reply))
        response.warnings = ignored?.warnings ?? []
        return response
    }

    static func response(_ bytes: [UInt8], status: HTTPResponse.Status) -> WireResponse {
        WireResponse(status: status, contentType: "application/json; charset=utf-8", bytes: bytes)
    }

    /// A reply that fails before any operation is known (authentication, size, routing).
    static func failure(_ error: NodeAPIError, policy: NodeAPIWirePolicy) -> WireResponse {
        JSONFace(body: [], policy: policy).reply(NodeAPIReply<StatusReply>.failure(error))
    }
}

struct SOAPFace: NodeAPIFace {
    let message: SOAPMessage
    let policy: NodeAPIWirePolicy
    /// The unknown elements the request's decode ignored (none in the strict mode, which refuses them).
    let ignored: IgnoredFields?

    init(message: SOAPMessage, policy: NodeAPIWirePolicy) {
        self.message = message
        self.policy = policy
        ignored = policy.ignoredFields()
    }

    func request<Request: NodeAPIRequest>(_ type: Request.Type) throws(NodeAPIError) -> Request {
        do {
            return try NodeAPISOAP.decodeRequest(type, from: message, validating: false, ignoring: ignored).request
        } catch {
            throw error.nodeAPIError
        }
    }

    func reply<Payload: Codable & Sendable & Hashable>(_ reply: NodeAPIReply<Payload>) -> WireResponse {
        guard let bytes = try? NodeAPISOAP.encodeReply(reply, operation: message.operation, serviceNamespace: message.serviceNamespace) else {
            return Self.fault(SOAPFault(.server, "could not encode the reply"))
        }
        // A provider error is a reply like any other: HTTP 200 with `<err>`, which zeep and suds hand to the caller
        // (with a 4xx they raise a transport error and the code is lost).
        var response = Self.response(bytes, status: .ok)
        response.warnings = ignored?.warnings ?? []
        return response
    }

    static func response(_ bytes: [UInt8], status: HTTPResponse.Status) -> WireResponse {
        WireResponse(status: status, contentType: "text/xml; charset=utf-8", bytes: bytes)
    }

    /// A Fault (a message that is not usable SOAP): HTTP 500, as SOAP 1.1 section 6.2 requires, whoever is at fault
    /// (`faultcode` says which); `status` only for what HTTP refuses before SOAP, a body too large (413).
    static func fault(_ fault: SOAPFault, status: HTTPResponse.Status = .internalServerError) -> WireResponse {
        response(NodeAPISOAP.encodeFault(fault), status: status)
    }
}

extension NodeAPISimulation {
    /// The wire policy of a call made with `username`'s credentials: the server's, with its account's dialect.
    package func policy(_ policy: NodeAPIWirePolicy, for username: String?) -> NodeAPIWirePolicy {
        guard let username, let dialect = read({ $0.dialect(ofLogin: username) }) else { return policy }
        var adapted = policy
        adapted.errorsAsHTTP200 = adapted.errorsAsHTTP200 || dialect.errorsAsHTTP200
        return adapted
    }
}
