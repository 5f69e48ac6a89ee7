import Foundation
import MySoftIYS

/// A client of the MySoft İYS API. It obtains the OAuth token itself, reuses it until shortly before it
/// expires, runs at most one token request at a time however many calls wait for it, and on a 401 refreshes
/// the token once and repeats the call.
public actor MySoftIYSClient {
    public struct Configuration: Sendable, Hashable {
        public var baseURL: String
        public var username: String
        public var password: String
        /// A token is renewed this long before `expires_in` runs out.
        public var refreshMargin: Duration

        public init(baseURL: String, username: String, password: String, refreshMargin: Duration = .seconds(60)) {
            self.baseURL = ProviderHTTP.baseURL(baseURL)
            self.username = username
            self.password = password
            self.refreshMargin = refreshMargin
        }
    }

    public let configuration: Configuration
    let http: ProviderHTTP
    let now: @Sendable () -> Date
    let tokens = SharedCredential<String>()
    /// Token requests sent so far (to see reuse and single flight at work).
    public private(set) var tokenRequests = 0

    /// - Parameter now: the client's clock, for token expiry; tests pass the mock's.
    public init(_ configuration: Configuration, http: ProviderHTTP = ProviderHTTP(), now: @escaping @Sendable () -> Date = Date.init) {
        self.configuration = configuration
        self.http = http
        self.now = now
    }

    // MARK: Calls

    /// `IYSBrands`.
    public func brands() async throws(MySoftIYSClientError) -> [Brand] { try await call(.brands, Optional<Int>.none) }

    /// `SendConsent`: the consent as recorded.
    public func sendConsent(_ request: SendConsentRequest) async throws(MySoftIYSClientError) -> ConsentRecord { try await call(.sendConsent, request) }

    /// `ConsentStatus`.
    public func consentStatus(_ request: ConsentStatusRequest) async throws(MySoftIYSClientError) -> ConsentRecord { try await call(.consentStatus, request) }

    /// `SendConsentBatch`. A refused batch throws ``MySoftIYSClientError/batchRefused(_:_:)`` with the wrong records.
    public func sendConsentBatch(_ request: SendConsentBatchRequest) async throws(MySoftIYSClientError) -> BatchSendResult {
        let result: IYSResult<BatchSendResult> = try await exchange(.sendConsentBatch, request)
        guard result.succeed, let data = result.data else {
            throw .batchRefused(IYSError(result.errorCode ?? .HM400, result.message ?? "the batch was refused"), result.data)
        }
        return data
    }

    /// `ConsentBatchStatus`.
    public func batchStatus(_ request: BatchTransactionRequest) async throws(MySoftIYSClientError) -> BatchStatus { try await call(.batchStatus, request) }

    /// One of the batch's record lists.
    public func batchRecords(_ list: BatchList, _ request: BatchTransactionRequest) async throws(MySoftIYSClientError) -> [ConsentRecord] {
        try await call(list.operation, request)
    }

    /// `RecipientStatus`.
    public func recipientStatus(_ request: RecipientStatusRequest) async throws(MySoftIYSClientError) -> [ConsentRecord] {
        try await call(.recipientStatus, request)
    }

    /// `ConsentQuery`, one page.
    public func query(_ request: ConsentQueryRequest) async throws(MySoftIYSClientError) -> ConsentQueryResult { try await call(.consentQuery, request) }

    /// The record lists of a batch.
    public typealias BatchList = IYSBatchList

    // MARK: Plumbing

    func call<Body: Encodable & Sendable, Payload: Codable & Sendable & Hashable>(_ operation: IYSOperation, _ body: Body) async throws(MySoftIYSClientError) -> Payload {
        let result: IYSResult<Payload> = try await exchange(operation, body)
        do { return try result.get() } catch { throw .provider(error) }
    }

    /// One call with a valid token; on a 401 the token is renewed once and the call repeated.
    func exchange<Body: Encodable & Sendable, Payload: Codable & Sendable & Hashable>(_ operation: IYSOperation, _ body: Body) async throws(MySoftIYSClientError) -> IYSResult<Payload> {
        let bytes: [UInt8]
        do { bytes = try IYSJSON.encode(body) } catch { throw .provider(error) }
        var reply = try await post(operation, bytes, token: try await validToken())
        if reply.status == 401 {
            await tokens.forget()
            reply = try await post(operation, bytes, token: try await validToken())
            if reply.status == 401 { throw .unauthorized }
        }
        do {
            return try IYSJSON.decode(IYSResult<Payload>.self, from: reply.body)
        } catch {
            throw .unreadableReply(status: reply.status, detail: error.message)
        }
    }

    func post(_ operation: IYSOperation, _ body: [UInt8], token: String) async throws(MySoftIYSClientError) -> ProviderHTTP.Reply {
        do {
            return try await http.send(.POST, configuration.baseURL + operation.path, headers: [
                ("Authorization", "bearer \(token)"), ("Content-Type", "application/json; charset=utf-8"),
            ], body: body)
        } catch {
            throw .transport(error)
        }
    }

    /// The current token, or a new one; concurrent callers share one token request.
    func validToken() async throws(MySoftIYSClientError) -> String {
        do {
            return try await tokens.value(at: now(), margin: configuration.refreshMargin) { try await self.requestToken() }
        } catch let error as MySoftIYSClientError {
            throw error
        } catch {
            throw .transport(TransportError(kind: .connection, detail: "\(error)"))
        }
    }

    func requestToken() async throws -> (value: String, expiresAt: Date) {
        tokenRequests += 1
        let form = TokenRequest(username: configuration.username, password: configuration.password).formEncoded
        let reply: ProviderHTTP.Reply
        do {
            reply = try await http.send(.POST, "\(configuration.baseURL)/oauth/token", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8))
        } catch {
            throw MySoftIYSClientError.transport(error)
        }
        guard reply.status == 200 else {
            let refusal = (try? IYSJSON.decode(OAuthError.self, from: reply.body)) ?? OAuthError(error: "http_\(reply.status)")
            throw MySoftIYSClientError.oauth(refusal)
        }
        let token: OAuthToken
        do {
            token = try IYSJSON.decode(OAuthToken.self, from: reply.body)
        } catch {
            throw MySoftIYSClientError.unreadableReply(status: reply.status, detail: error.message)
        }
        return (token.accessToken, now().addingTimeInterval(TimeInterval(token.expiresIn)))
    }
}

/// Why a MySoft İYS call did not return data.
public enum MySoftIYSClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `succeed: false` with `HM400`, `HM404` or `HM422`.
    case provider(IYSError)
    /// A batch refused as a whole, with the records that were wrong.
    case batchRefused(IYSError, BatchSendResult?)
    /// The token request was refused (`invalid_grant` for wrong credentials).
    case oauth(OAuthError)
    /// Still 401 with a fresh token.
    case unauthorized
    case transport(TransportError)
    case unreadableReply(status: Int, detail: String)

    public var description: String {
        switch self {
        case .provider(let error): "İYS error \(error)"
        case .batchRefused(let error, _): "batch refused: \(error)"
        case .oauth(let error): "token refused: \(error.error)"
        case .unauthorized: "401 with a fresh token"
        case .transport(let error): "transport error \(error)"
        case .unreadableReply(let status, let detail): "unreadable reply (HTTP \(status)): \(detail)"
        }
    }
}
