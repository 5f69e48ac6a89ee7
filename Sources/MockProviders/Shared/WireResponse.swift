import Hummingbird

/// A reply as bytes, before it becomes a Hummingbird `Response`, so that the journal can keep it. Every mock's
/// routes answer through it.
struct WireResponse: Sendable {
    var status: HTTPResponse.Status
    var contentType: String
    var bytes: [UInt8]

    /// A JSON reply.
    static func json(_ status: HTTPResponse.Status, _ bytes: [UInt8]) -> WireResponse {
        WireResponse(status: status, contentType: "application/json; charset=utf-8", bytes: bytes)
    }

    /// The Hummingbird response; an empty reply (204) has no body and no content type.
    var response: Response {
        if bytes.isEmpty { return Response(status: status) }
        return Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension RequestJournal {
    /// Keeps the exchange (request body, reply) and returns the reply as a response: the last step of every route.
    func keep(_ request: Request, body: [UInt8], user: String?, reply: WireResponse, at time: Int64) -> Response {
        record(
            time: time, method: request.method.rawValue, path: request.uri.path, user: user,
            requestBody: body, status: reply.status.code, responseBody: reply.bytes
        )
        return reply.response
    }
}
