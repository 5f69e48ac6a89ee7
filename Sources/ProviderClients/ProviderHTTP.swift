import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import WireCoding

/// The HTTP under every provider client: AsyncHTTPClient with a timeout per call and a bound on reply size.
/// TLS, proxies and pools are the `HTTPClient`'s configuration: pass your own for a custom trust store.
public struct ProviderHTTP: Sendable {
    public var client: HTTPClient
    /// The whole exchange, connection included, must finish within this.
    public var timeout: Duration
    public var maxReplyBytes: Int

    public init(client: HTTPClient = ProviderHTTP.sharedClient, timeout: Duration = .seconds(30), maxReplyBytes: Int = 32 * 1024 * 1024) {
        self.client = client
        self.timeout = timeout
        self.maxReplyBytes = maxReplyBytes
    }

    /// The client used unless another is given: AsyncHTTPClient's defaults but a 2-second connect timeout, so
    /// that a provider whose port is closed fails over in seconds (AsyncHTTPClient retries refused connections
    /// until the connect timeout, 10 s by default), and no redirect followed: a provider API answers its calls, and a
    /// redirect is returned as the reply it is, so that credentials never travel to a host the caller did not name
    /// (the proxy passes it back to its client). Lives as long as the process, like `HTTPClient.shared`.
    public static let sharedClient = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: HTTPClient.Configuration.Timeout(connect: .seconds(2)))
    )

    /// A base URL as the clients, contracts and proxy join paths to it: without its trailing slash.
    public static func baseURL(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// A reply as received: status and body, whatever the status.
    public struct Reply: Sendable, Hashable {
        public var status: Int
        public var body: [UInt8]

        public init(status: Int, body: [UInt8]) {
            self.status = status
            self.body = body
        }
    }

    /// Sends one request. Failing to get a reply (no connection, the timeout, cancellation) is a ``TransportError``.
    public func send(_ method: HTTPMethod, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil) async throws(TransportError) -> Reply {
        try await exchange(method, url, headers: headers, body: body).reply
    }

    /// Sends one request, and returns the reply's headers too (a proxy passes them on).
    public func exchange(
        _ method: HTTPMethod, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws(TransportError) -> (reply: Reply, headers: [(name: String, value: String)]) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        // One deadline for the whole exchange, the body included: AsyncHTTPClient's covers the reply's head only, and a
        // body trickled a byte at a time would otherwise be read for as long as it lasts.
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout.inSeconds * 1e9))
        let limit = maxReplyBytes
        do {
            let response = try await client.execute(request, deadline: deadline)
            let bytes = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await response.body.collect(upTo: limit) }
                group.addTask {
                    try await Task.sleep(for: .nanoseconds(max(0, (deadline - NIODeadline.now()).nanoseconds)))
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let body = first else { throw HTTPClientError.deadlineExceeded }
                return body
            }
            return (Reply(status: Int(response.status.code), body: Array(bytes.readableBytesView)), response.headers.map { ($0.name, $0.value) })
        } catch {
            throw TransportError(error, url: url)
        }
    }
}

/// No reply came: the provider is unavailable for this call (a fail-over reason, never a business refusal).
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case connection, timeout, cancelled
    }

    public var kind: Kind
    public var detail: String

    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    init(_ error: any Error, url: String) {
        if error is CancellationError || Task.isCancelled {
            self.init(kind: .cancelled, detail: "cancelled: \(url)")
        } else if let error = error as? HTTPClientError, [.deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout].contains(error) {
            self.init(kind: .timeout, detail: "\(url): \(error)")
        } else {
            self.init(kind: .connection, detail: "\(url): \(error)")
        }
    }

    public var description: String { "\(kind.rawValue): \(detail)" }
}
