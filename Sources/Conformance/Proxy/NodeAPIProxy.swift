import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MockProviders
import MockRecording
@_spi(MockInternals) import MockSimulations
import NIOCore
import NIOHTTP1
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP
import ProviderClients

/// `provider-mock proxy --upstream URL`: the Node API (JSON and SOAP) passed through to a real provider, every request
/// and reply held against the document on the way (``NodeAPIRequestRules``, ``NodeAPIReplyRules``). What differs goes
/// to a log line and to the reply's `X-Conformance` header; with a recorder, each exchange is written to a file with
/// its credentials redacted (``RecordedExchange``), for `serve --replay`.
///
/// The reply is the upstream's, status, headers and body, but for the hop-by-hop headers and a WSDL's
/// `soap:address`, which is pointed at the proxy so that SOAP toolkits keep calling through it.
public struct NodeAPIProxy: Sendable {
    /// The provider's base URL, without a trailing slash.
    public var upstream: String
    public var rules: NodeAPIReplyRules
    public var recorder: ExchangeRecorder?
    /// Largest request body passed on; more is refused with 413 in the protocol's shape.
    public var maxBodyBytes: Int
    let http: ProviderHTTP
    let logger: Logger

    public init(
        upstream: String, errorsAsHTTP200: Bool = false, recorder: ExchangeRecorder? = nil, timeout: Duration = .seconds(30),
        maxBodyBytes: Int = 4 * 1024 * 1024, logger: Logger = Logger(label: "provider-mock.proxy")
    ) {
        self.upstream = ProviderHTTP.baseURL(upstream)
        rules = NodeAPIReplyRules(errorsAsHTTP200: errorsAsHTTP200)
        self.recorder = recorder
        self.maxBodyBytes = maxBodyBytes
        // The shared client follows no redirect: an upstream's redirect goes back to the client as it came.
        http = ProviderHTTP(timeout: timeout)
        self.logger = logger
    }

    /// The proxy's server on `host:port` (0 lets the OS pick; `onListening` gets the port bound).
    public func application(
        host: String, port: Int, limits: ConnectionLimits = ConnectionLimits(), onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let refusal = NodeAPIError(.concurrentRequestLimit, detail: "the proxy serves at most \(limits.maxConnections) connections at once")
        return Application(
            responder: Responder(proxy: self),
            server: limits.server(refusing: .serviceUnavailable, contentType: "application/json; charset=utf-8", body: Self.jsonError(refusal)),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "provider-mock-proxy"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) }
        )
    }

    struct Responder: HTTPResponder {
        typealias Context = BasicRequestContext
        let proxy: NodeAPIProxy

        func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
            await proxy.pass(request)
        }
    }

    // MARK: One exchange

    /// Reads the request, checks it, sends it upstream, checks the reply, records the exchange and answers.
    func pass(_ request: Request) async -> Response {
        let path = request.uri.path
        let query = request.uri.query.flatMap { $0.isEmpty ? nil : $0 }
        let isSOAP = path == "/soap"
        let body: [UInt8]
        do {
            body = try await BodyReader.collect(request, limit: maxBodyBytes)
        } catch {
            let status: HTTPResponse.Status = if case .tooLarge = error { .contentTooLarge } else { .badRequest }
            return refusal(isSOAP: isSOAP, status: status, error.message)
        }
        let verdict = Self.verdict(request.method, path: path, query: query, body: body)
        let start = ContinuousClock.now
        let reply: ProviderHTTP.Reply
        let replyHeaders: [(name: String, value: String)]
        do {
            (reply, replyHeaders) = try await http.exchange(
                HTTPMethod(rawValue: request.method.rawValue), upstream + path + (query.map { "?\($0)" } ?? ""),
                headers: Self.forwarded(request.headers), body: body.isEmpty && request.method == .get ? nil : body
            )
        } catch {
            logger.error("\(request.method) \(path): no reply from \(upstream): \(error)")
            return refusal(isSOAP: isSOAP, status: .badGateway, "no reply from the upstream: \(error)")
        }
        let milliseconds = ConformanceReport.Result.milliseconds(since: start)
        var differences = (verdict?.differences ?? []).map { "request: \($0)" }
        if let verdict, let operation = verdict.operation {
            differences += rules.differences(operation, verdict.face, status: reply.status, body: reply.body, expecting: verdict.expected).map { "reply: \($0)" }
        }
        let name = verdict?.operation.map { "\($0.path) (\(verdict?.face.rawValue ?? ""))" } ?? "\(request.method) \(path)"
        if differences.isEmpty {
            logger.info("\(name): HTTP \(reply.status), conformant, \(milliseconds) ms")
        } else {
            logger.warning("\(name): HTTP \(reply.status), \(differences.count) difference\(differences.count == 1 ? "" : "s"): \(differences.joined(separator: "; "))")
        }
        var replyBody = reply.body
        if request.method == .get, isSOAP, let authority = request.head.authority {
            replyBody = WSDLAddress.pointing(replyBody, at: "\(request.head.scheme ?? "http")://\(authority)/soap")
        }
        if let recorder {
            let exchange = RecordedExchange(
                recordedAt: ISOTime.string(Int64(Date().timeIntervalSince1970 * 1000)), upstream: upstream, durationMs: milliseconds, conformance: differences,
                method: request.method.rawValue, path: path, query: query, requestHeaders: request.headers.filter { $0.name != HangUps.header }.map { ($0.name.rawName, $0.value) },
                requestBody: body, status: reply.status, replyHeaders: replyHeaders, replyBody: reply.body
            )
            do {
                try await recorder.record(exchange, soapAction: isSOAP ? verdict?.operation?.soapName : nil)
            } catch {
                logger.error("\(name): the exchange could not be recorded: \(error)")
            }
        }
        var headers = Self.passedBack(replyHeaders)
        headers[.conformance] = ConformanceHeader.value(differences)
        return Response(status: .init(code: reply.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: replyBody)))
    }

    /// The request held against the document: a SOAP envelope, or a JSON operation (a GET's fields in its query); nil for
    /// the WSDL's GET, which is no operation.
    static func verdict(_ method: HTTPRequest.Method, path: String, query: String?, body: [UInt8]) -> NodeAPIRequestRules.Verdict? {
        switch (method, path == "/soap") {
        case (.post, true): NodeAPIRequestRules.soap(body: body)
        case (.get, true): nil
        case (.get, false): NodeAPIRequestRules.json(path: path, body: body, query: query.map { $0[...] })
        default: NodeAPIRequestRules.json(path: path, body: body)
        }
    }

    // MARK: Headers

    /// Hop-by-hop headers (RFC 9110 7.6.1), what the client's HTTP library sets for the new connection, and the
    /// connection id the server's guard hands to the request (``HangUps``).
    static let notForwarded: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
        HangUps.header.canonicalName,
    ]

    static func forwarded(_ headers: HTTPFields) -> [(String, String)] {
        headers.filter { !notForwarded.contains($0.name.canonicalName) }.map { ($0.name.rawName, $0.value) }
    }

    static func passedBack(_ headers: [(name: String, value: String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in headers where !notForwarded.contains(name.lowercased()) {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return fields
    }

    // MARK: Refusals

    /// The proxy's own failure (a body too large, no reply upstream) in the protocol's shape, and in `X-Conformance`.
    func refusal(isSOAP: Bool, status: HTTPResponse.Status, _ message: String) -> Response {
        var headers: HTTPFields = [.conformance: ConformanceHeader.value(["proxy: \(message)"])]
        let body: [UInt8]
        if isSOAP {
            headers[.contentType] = "text/xml; charset=utf-8"
            body = NodeAPISOAP.encodeFault(SOAPFault(.server, message))
        } else {
            headers[.contentType] = "application/json; charset=utf-8"
            var error = NodeAPIError(.internalServer, detail: message)
            error.status = Int(status.code)
            body = Self.jsonError(error)
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func jsonError(_ error: NodeAPIError) -> [UInt8] {
        (try? NodeAPIJSON.encodeReply(NodeAPIReply<StatusReply>.failure(error))) ?? []
    }
}

extension HTTPField.Name {
    /// `X-Conformance: ok`, or what differed from the document in the exchange the proxy passed on.
    public static let conformance = HTTPField.Name("X-Conformance")!
}
