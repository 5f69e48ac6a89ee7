import NodeAPI
import NodeAPIJSON
import NodeAPISOAP

/// What makes two Node API requests the same for replay: the face, the operation, and the request as the typed model
/// reads it (written back as canonical JSON), so that key order, whitespace, namespace prefixes and credentials do not
/// matter, and a `GET` with a query matches the `POST` with the same fields. A request the model cannot read is
/// matched on its method, path, query and body. Either way the body is redacted first, as the recording's was, so that
/// a request and its recording give the same key whatever the body holds (credential-like text in a field included).
package struct ReplayKey: Hashable, Sendable {
    var face: String
    var operation: String
    var canonical: [UInt8]

    init(method: String, path: String, query: String?, body unredacted: [UInt8]) {
        let body = CredentialRedaction.body(unredacted)
        let query = query.map(CredentialRedaction.query)
        if path == "/soap", method == "POST", let message = try? SOAPMessage(parsing: body), !message.isReply,
           let canonical = Self.canonical(message.operation.requestType, soap: message) {
            self.init(face: "soap", operation: message.operation.path, canonical: canonical)
        } else if let operation = NodeAPIOperation(path: path),
                  let canonical = Self.canonical(operation.requestType, json: body, query: method == "GET" && query?.isEmpty == false ? query : nil) {
            self.init(face: "json", operation: operation.path, canonical: canonical)
        } else {
            self.init(face: "raw", operation: "\(method) \(path)?\(query ?? "")", canonical: body)
        }
    }

    private init(face: String, operation: String, canonical: [UInt8]) {
        self.face = face
        self.operation = operation
        self.canonical = canonical
    }

    private static func canonical<Request: NodeAPIRequest>(_ type: Request.Type, json body: [UInt8], query: String?) -> [UInt8]? {
        let request = if let query {
            try? NodeAPIJSON.decodeRequest(type, query: query[...], validating: false, ignoring: IgnoredFields())
        } else {
            try? NodeAPIJSON.decodeRequest(type, from: body, validating: false, ignoring: IgnoredFields())
        }
        return request.flatMap { try? NodeAPIJSON.encodeRequest($0) }
    }

    private static func canonical<Request: NodeAPIRequest>(_ type: Request.Type, soap message: SOAPMessage) -> [UInt8]? {
        (try? NodeAPISOAP.decodeRequest(type, from: message, validating: false, ignoring: IgnoredFields())).flatMap { try? NodeAPIJSON.encodeRequest($0.request) }
    }
}
