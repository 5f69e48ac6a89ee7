import HTTPTypes
import Hummingbird

/// A reply as bytes, before it becomes a Hummingbird `Response`, so that the journal can keep it. Every mock's
/// routes answer through it.
struct WireResponse: Sendable {
    var status: HTTPResponse.Status
    var contentType: String
    var bytes: [UInt8]
    /// What the mock tolerated in the request (`unknown field 'x' ignored`): one `X-Mock-Warning` each.
    var warnings: [String] = []
    /// No reply at all: the connection is closed (a fault's `empty`) or reset (`reset`, `timeout`) by
    /// ``ConnectionGuardHandler``, which sees ``HTTPField/Name/mockClose`` on the head and sends nothing of the reply.
    var closesConnection: Closing?
    /// The recording this reply was replayed from (`serve --replay`), sent as `X-Mock-Replay`.
    var replayedFrom: String?

    enum Closing: String, Sendable {
        case close, reset
    }

    /// Warnings sent at most; beyond, one more says how many were left out (a body of a million unknown
    /// fields must not become a megabyte of headers).
    static let maxWarnings = 20

    /// A JSON reply.
    static func json(_ status: HTTPResponse.Status, _ bytes: [UInt8]) -> WireResponse {
        WireResponse(status: status, contentType: "application/json; charset=utf-8", bytes: bytes)
    }

    /// Warnings as sent and journaled: each at most 256 bytes, at most ``maxWarnings`` and a count of the rest.
    static func reported(_ warnings: [String]) -> [String] {
        guard !warnings.isEmpty else { return [] }
        var reported = warnings.prefix(maxWarnings).map { $0.utf8.count <= 256 ? $0 : String(decoding: $0.utf8.prefix(253), as: UTF8.self) + "…" }
        if warnings.count > maxWarnings { reported.append("\(warnings.count - maxWarnings) more warnings left out") }
        return reported
    }

    /// Whether a reply of this status may carry a body: 204 and 304 never do (RFC 9110 §6.4.1), and a body written
    /// after their head would be read as the start of the next reply on the connection.
    var allowsBody: Bool { status.code != 204 && status.code != 304 }

    /// The Hummingbird response; an empty reply (204) has no body and no content type.
    var response: Response {
        var headers: HTTPFields = [:]
        for warning in Self.reported(warnings) { headers.append(HTTPField(name: .mockWarning, value: warning)) }
        if let closesConnection { headers[.mockClose] = closesConnection.rawValue }
        if let replayedFrom { headers[.mockReplay] = replayedFrom }
        if bytes.isEmpty || !allowsBody { return Response(status: status, headers: headers) }
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension WireResponse: ResponseGenerator {
    /// The response, its body noted in the request's ``Exchange`` for the journal: a route of the pipeline returns its
    /// reply as it is, and ``ExchangeMiddleware`` journals what was answered.
    func response(from request: Request, context: some RequestContext) -> Response {
        if let context = context as? MockRequestContext, allowsBody, closesConnection == nil { context.exchange.reply = bytes }
        return response
    }
}

extension RequestJournal {
    /// Keeps the exchange as it was answered: the status (0 for a connection closed instead), content type and warnings
    /// of `response`, and `replyBody`, its body as the pipeline noted it (``Exchange``).
    func keep(_ request: Request, body: [UInt8], user: String?, response: Response, replyBody: [UInt8], at time: Int64) {
        record(
            time: time, method: request.method.rawValue, path: request.uri.path, query: request.uri.query, user: user,
            requestBody: body, requestHeaders: request.headers, status: response.headers.value(of: .mockClose) == nil ? Int(response.status.code) : 0,
            contentType: replyBody.isEmpty ? nil : response.headers.value(of: .contentType), responseBody: replyBody,
            warnings: response.headers.compactMap { $0.name == .mockWarning ? $0.value : nil }
        )
    }

}

extension HTTPField.Name {
    /// `X-Mock-Warning: unknown field 'someFlag' ignored`: what the mock tolerated in a request, one field per warning.
    package static let mockWarning = HTTPField.Name("X-Mock-Warning")!
    /// Between a route and ``ConnectionGuardHandler`` only: close the connection instead of sending this reply.
    static let mockClose = HTTPField.Name("X-Provider-Mock-Close")!
    /// `X-Mock-Replay: 0003-sms-create.json`: the reply is a recording's (`serve --replay`).
    package static let mockReplay = HTTPField.Name("X-Mock-Replay")!
}
