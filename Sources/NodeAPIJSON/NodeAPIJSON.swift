import Foundation
import NodeAPI
import WireCoding

/// The Node API's JSON face: request bodies and `{"err": …, "data": …}` replies, wire names exactly
/// as the document writes them. Credentials do not travel in JSON bodies (they are Basic auth).
///
/// Keys are written in sorted order so that the same value always gives the same bytes.
///
/// Twin of `NodeAPISOAP`: the same four calls, so a client encodes requests and decodes replies and a
/// mock does the opposite, with one typed model in between.
public enum NodeAPIJSON {
    /// The body of `request`.
    public static func encodeRequest<Request: NodeAPIRequest>(_ request: Request) throws(NodeAPIError) -> [UInt8] {
        try encode(request)
    }

    /// Decodes a request body and, unless told not to, applies the model's field rules.
    ///
    /// An empty body, and `[]` (PHP's `json_encode([])`, which filter-less calls send), read as `{}`. Malformed
    /// JSON is `ERR_BAD_REQUEST`; a wrong type, a missing field or an unknown constant is `ERR_INVALID_PARAM`
    /// naming the field; a broken rule is the catalogue's error for it. Unknown fields are listed in `ignored`
    /// when it is given, as the provider ignores them, and refused with `ERR_INVALID_PARAM` when it is not. A field given
    /// twice is read from its last value, as the provider's parser reads it, and listed in `ignored` too (refused when
    /// there is none); Foundation alone would keep the first.
    public static func decodeRequest<Request: NodeAPIRequest>(
        _ type: Request.Type, from body: some Sequence<UInt8>, validating: Bool = true, ignoring ignored: IgnoredFields? = nil
    ) throws(NodeAPIError) -> Request {
        var bytes = Array(body)
        if isEmptyObjectOrList(bytes) { bytes = Array("{}".utf8) }
        let (kept, repeated) = JSONOutline.keepingLast(bytes)
        if let first = repeated.first {
            guard let ignored else { throw NodeAPIError.invalid(first, "is given more than once") }
            ignored.addRepeated(repeated)
        }
        let request: Request = try decode(type, from: kept, ignoring: ignored)
        if validating { try request.validate() }
        return request
    }

    /// Decodes a request from a query string (`GET /sms/list-sender?status=1`), by the body's rules: numbers and
    /// booleans as text, an empty value not given, lists as repeated keys (`ids=1&ids=2`, PHP's `ids[]=` and
    /// `ids[0]=`) or comma-separated (`ids=1,2`), objects as `settings[field]=` or `settings.field=`.
    public static func decodeRequest<Request: NodeAPIRequest>(
        _ type: Request.Type, query: Substring, validating: Bool = true, ignoring ignored: IgnoredFields? = nil
    ) throws(NodeAPIError) -> Request {
        let request: Request
        do {
            request = try Request(from: QueryValueDecoder(node: try QueryNode(query: query), codingPath: [], ignored: ignored))
        } catch {
            throw NodeAPIError(decoding: error)
        }
        if validating { try request.validate() }
        return request
    }

    /// The body of a reply.
    public static func encodeReply<Payload>(_ reply: NodeAPIReply<Payload>) throws(NodeAPIError) -> [UInt8] {
        try encode(reply)
    }

    /// Decodes a reply body; unknown fields are ignored so that a client survives a provider that adds one.
    public static func decodeReply<Payload>(_ type: Payload.Type, from body: some Sequence<UInt8>) throws(NodeAPIError) -> NodeAPIReply<Payload> {
        try decode(NodeAPIReply<Payload>.self, from: JSONOutline.keepingLast(Array(body)).bytes)
    }

    private static func encode(_ value: some Encodable) throws(NodeAPIError) -> [UInt8] {
        do {
            return Array(try WireJSON.encoder().encode(value))
        } catch {
            throw NodeAPIError(.internalServer, detail: "could not encode JSON: \(error)")
        }
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8], ignoring ignored: IgnoredFields? = nil) throws(NodeAPIError) -> Value {
        let decoder = JSONDecoder()
        if let ignored { decoder.userInfo[.nodeAPIIgnoredFields] = ignored }
        do {
            return try decoder.decode(type, from: Data(bytes))
        } catch let error as NodeAPIError {
            throw error
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            let reason = (context.underlyingError as NSError?)?.localizedDescription ?? context.debugDescription
            throw NodeAPIError(.sms00, detail: "body is not valid JSON: \(reason)")
        } catch let DecodingError.typeMismatch(_, context) where context.codingPath.isEmpty {
            throw NodeAPIError(.sms00, detail: "body must be a JSON object")
        } catch {
            throw NodeAPIError(decoding: error)
        }
    }

    /// Nothing but whitespace, or `[]` with whitespace around and within.
    private static func isEmptyObjectOrList(_ bytes: [UInt8]) -> Bool {
        let significant = bytes.lazy.filter { !isWhitespace($0) }
        var iterator = significant.makeIterator()
        guard let first = iterator.next() else { return true }
        return first == UInt8(ascii: "[") && iterator.next() == UInt8(ascii: "]") && iterator.next() == nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
