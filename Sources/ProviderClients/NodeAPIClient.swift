import Foundation
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP
import WireCoding

/// A client of the Node API: every operation over JSON (Basic auth) or SOAP (credentials in the envelope),
/// through the same codecs the mock uses, with the same typed results either way.
///
/// Operations the SOAP service does not offer (it has seven of the 22) go over JSON even when SOAP is chosen.
public struct NodeAPIClient: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// `https://host[:port]` of the provider, or a custom API URL; no trailing path.
        public var baseURL: String
        public var username: String
        public var password: String
        public var transport: WireFormat

        public init(baseURL: String, username: String, password: String, transport: WireFormat = .json) {
            self.baseURL = ProviderHTTP.baseURL(baseURL)
            self.username = username
            self.password = password
            self.transport = transport
        }
    }

    public var configuration: Configuration
    public var http: ProviderHTTP

    public init(_ configuration: Configuration, http: ProviderHTTP = ProviderHTTP()) {
        self.configuration = configuration
        self.http = http
    }

    /// Sends `request` and returns the reply's `data`; a provider error, whether it came with its status or as
    /// HTTP 200, is ``NodeAPIClientError/provider(_:)``.
    public func send<Request: NodeAPIRequest>(_ request: Request) async throws(NodeAPIClientError) -> Request.Reply {
        do { try request.validate() } catch { throw .provider(error) }
        let reply: NodeAPIReply<Request.Reply>
        if configuration.transport == .soap, let name = Request.operation.soapName {
            reply = try await sendSOAP(request, name: name)
        } else {
            reply = try await sendJSON(request)
        }
        do { return try reply.get() } catch { throw .provider(error) }
    }

    private func sendJSON<Request: NodeAPIRequest>(_ request: Request) async throws(NodeAPIClientError) -> NodeAPIReply<Request.Reply> {
        let body: [UInt8]
        do { body = try NodeAPIJSON.encodeRequest(request) } catch { throw .provider(error) }
        let credentials = Data("\(configuration.username):\(configuration.password)".utf8).base64EncodedString()
        let reply = try await exchange(configuration.baseURL + Request.operation.path, body: body, headers: [
            ("Authorization", "Basic \(credentials)"), ("Content-Type", "application/json; charset=utf-8"), ("Accept", "application/json"),
        ])
        do {
            return try NodeAPIJSON.decodeReply(Request.Reply.self, from: reply.body)
        } catch {
            throw Self.unreadable(reply, error.message)
        }
    }

    private func sendSOAP<Request: NodeAPIRequest>(_ request: Request, name: String) async throws(NodeAPIClientError) -> NodeAPIReply<Request.Reply> {
        let body: [UInt8]
        do {
            body = try NodeAPISOAP.encodeRequest(request, credentials: Credentials(username: configuration.username, password: configuration.password))
        } catch {
            throw .provider(error)
        }
        let reply = try await exchange(configuration.baseURL + "/soap", body: body, headers: [
            ("Content-Type", "text/xml; charset=UTF-8"), ("SOAPAction", name),
        ])
        do {
            return try NodeAPISOAP.decodeReply(Request.Reply.self, operation: Request.operation, from: reply.body)
        } catch {
            switch error {
            case .provider(let problem): throw Self.unreadable(reply, problem.message)
            case .fault(let fault):
                // A server fault with a 5xx status is the provider being down; a client fault is our request's problem.
                if reply.status >= 500 { throw .unavailable(status: reply.status, detail: fault.reason) }
                throw .provider(fault.nodeAPIError)
            }
        }
    }

    private func exchange(_ url: String, body: [UInt8], headers: [(String, String)]) async throws(NodeAPIClientError) -> ProviderHTTP.Reply {
        do {
            return try await http.send(.POST, url, headers: headers, body: body)
        } catch {
            throw .transport(error)
        }
    }

    /// A reply that is not the protocol's: a 5xx from a proxy is the provider being unavailable.
    static func unreadable(_ reply: ProviderHTTP.Reply, _ problem: String) -> NodeAPIClientError {
        if reply.status >= 500 { return .unavailable(status: reply.status, detail: problem) }
        return .unreadableReply(status: reply.status, detail: problem)
    }
}

/// Why a Node API call did not return data.
public enum NodeAPIClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The provider answered with an error of its catalogue (or the request broke a field rule before sending).
    case provider(NodeAPIError)
    /// No reply: connection refused or reset, timeout, cancelled.
    case transport(TransportError)
    /// A 5xx whose body is not the protocol's (a proxy, a crashed server).
    case unavailable(status: Int, detail: String)
    /// A reply that is neither data nor an error of the protocol.
    case unreadableReply(status: Int, detail: String)

    /// The catalogue entry of a provider error: number, `ERR_` name, status and message.
    public var catalogueEntry: ErrorCode.Entry? {
        guard case .provider(let error) = self else { return nil }
        return error.errorCode?.entry
    }

    /// Whether the provider could not take the call at all (the connector's reason to try the next one):
    /// no reply, a 5xx, maintenance (`SMS99`) or too many concurrent requests (`SMS50`). Business refusals are not.
    public var meansUnavailable: Bool {
        switch self {
        case .transport, .unavailable: return true
        case .provider(let error): return error.status >= 500 || error.errorCode == .sms99 || error.errorCode == .sms50
        case .unreadableReply: return false
        }
    }

    /// Whether another provider may not share this refusal, so that the connector tries the next one: the provider is
    /// unavailable (``meansUnavailable``), or it refused this account rather than the message: no credit (`SMS18`,
    /// `SMS28`), wrong credentials, a sender not approved there, no İYS settings there (`SMS30`), outside its sending
    /// hours (`SMS44`), a duplicate of what it sent before, a rate limit. A refusal of the message itself (an invalid
    /// number, empty content, a bad parameter) every provider would share.
    public var mayPassToAnotherProvider: Bool {
        if meansUnavailable { return true }
        guard case .provider(let error) = self else { return false }
        if error.status == 401 || error.status == 403 || error.status == 429 { return true }
        let accountRefusals: Set<ErrorCode> = [
            .sms18, .sms28, .sms01, .unauthorizedRequest, .invalidSmsSender, .sms30, .sms44, .smsPackageDuplication,
            .dailyRequestLimit, .concurrentRequestLimit,
        ]
        return error.errorCode.map(accountRefusals.contains) ?? false
    }

    public var description: String {
        switch self {
        case .provider(let error): "provider error \(error)"
        case .transport(let error): "transport error \(error)"
        case .unavailable(let status, let detail): "provider unavailable (HTTP \(status)): \(detail)"
        case .unreadableReply(let status, let detail): "unreadable reply (HTTP \(status)): \(detail)"
        }
    }
}
