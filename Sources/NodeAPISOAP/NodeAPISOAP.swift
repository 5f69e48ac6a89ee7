import LibXML
import NodeAPI

/// The Node API's SOAP 1.1 face, with envelopes exactly as the document prints them: body element
/// `sms:<operation>` in the service namespace, unqualified children, `<username>`/`<password>` first,
/// lists as `<item>`, empty elements meaning "not given"; replies as
/// `sms:<operation>Response` holding `<result><err/><data>…</data></result>`.
///
/// Twin of `NodeAPIJSON`: the same four calls over the same model; a client encodes requests and
/// decodes replies, a mock does the opposite.
public enum NodeAPISOAP {
    public static let envelopeNamespace = "http://schemas.xmlsoap.org/soap/envelope/"
    public static let soap12Namespace = "http://www.w3.org/2003/05/soap-envelope"
    /// The service namespace of the document's examples; a server's is `http://HOST:PORT/wsdl/sms`.
    public static let defaultServiceNamespace = "http://localhost:9587/wsdl/sms"

    /// Whether `uri` is a service namespace: `http(s)://HOST[:PORT]/wsdl/sms`, whatever the host.
    public static func isServiceNamespace(_ uri: String) -> Bool {
        guard uri.hasSuffix("/wsdl/sms") else { return false }
        let rest = uri.hasPrefix("http://") ? uri.dropFirst(7) : (uri.hasPrefix("https://") ? uri.dropFirst(8) : nil)
        guard let rest else { return false }
        let host = rest.dropLast("/wsdl/sms".count)
        return !host.isEmpty && !host.contains("/")
    }

    // MARK: Requests

    /// The envelope of `request`, with credentials in the body when given.
    public static func encodeRequest<Request: NodeAPIRequest>(
        _ request: Request, credentials: Credentials? = nil, serviceNamespace: String = defaultServiceNamespace
    ) throws(NodeAPIError) -> [UInt8] {
        let name = try soapName(Request.operation)
        var body = try element(named: name, encoding: request)
        body.namespaceURI = serviceNamespace
        if let credentials {
            body.children.insert(contentsOf: [XMLElement("username", text: credentials.username), XMLElement("password", text: credentials.password)], at: 0)
        }
        return envelope(body, serviceNamespace: serviceNamespace, header: true)
    }

    /// Decodes a request envelope of `Request`'s operation and, unless told not to, applies the field rules.
    /// Unknown elements are listed in `ignored` when it is given, as the provider ignores them, and refused when it is not.
    public static func decodeRequest<Request: NodeAPIRequest>(
        _ type: Request.Type, from bytes: some Sequence<UInt8>, validating: Bool = true, ignoring ignored: IgnoredFields? = nil
    ) throws(NodeAPISOAPError) -> SOAPRequest<Request> {
        try decodeRequest(type, from: try SOAPMessage(parsing: bytes), validating: validating, ignoring: ignored)
    }

    /// Decodes the body of an already parsed envelope.
    public static func decodeRequest<Request: NodeAPIRequest>(
        _ type: Request.Type, from message: SOAPMessage, validating: Bool = true, ignoring ignored: IgnoredFields? = nil
    ) throws(NodeAPISOAPError) -> SOAPRequest<Request> {
        guard message.operation == Request.operation, !message.isReply else {
            throw .fault(SOAPFault(.client, "expected a \(Request.operation.soapName ?? "?") request, found <\(message.body.localName)>"))
        }
        var fields = message.body
        var username: String?
        var password: String?
        fields.children.removeAll { child in
            guard child.namespaceURI == nil else { return false }
            switch child.localName {
            case "username": username = child.text
            case "password": password = child.text
            default: return false
            }
            return true
        }
        let request: Request
        do {
            request = try Request(from: XMLValueDecoder(element: fields, ignored: ignored))
        } catch {
            throw .provider(NodeAPIError(decoding: error))
        }
        if validating {
            do { try request.validate() } catch { throw .provider(error) }
        }
        let credentials = username.map { Credentials(username: $0, password: password ?? "") }
        return SOAPRequest(request: request, credentials: credentials)
    }

    // MARK: Replies

    /// The reply envelope: `sms:<operation>Response` holding `<result>`.
    public static func encodeReply<Payload>(
        _ reply: NodeAPIReply<Payload>, operation: NodeAPIOperation, serviceNamespace: String = defaultServiceNamespace
    ) throws(NodeAPIError) -> [UInt8] {
        let name = try soapName(operation)
        let result = try element(named: "result", encoding: reply)
        let body = XMLElement("\(name)Response", namespaceURI: serviceNamespace, children: [result])
        return envelope(body, serviceNamespace: serviceNamespace, header: false)
    }

    /// Decodes a reply envelope, or a bare `<result>` document as the document prints replies.
    /// A Fault in the envelope is thrown as ``NodeAPISOAPError/fault(_:)``.
    public static func decodeReply<Payload>(
        _ type: Payload.Type, operation: NodeAPIOperation, from bytes: some Sequence<UInt8>
    ) throws(NodeAPISOAPError) -> NodeAPIReply<Payload> {
        let root: XMLElement
        do { root = try XMLDocumentParser.parse(bytes) } catch { throw .fault(SOAPFault(.client, error.description)) }
        let result: XMLElement
        if root.localName == "result", root.namespaceURI == nil {
            result = root
        } else {
            let body = try SOAPMessage.bodyElement(of: root)
            if body.localName == "Fault", body.namespaceURI == envelopeNamespace {
                throw .fault(fault(from: body))
            }
            guard body.localName == "\(operation.soapName ?? "")Response", let namespace = body.namespaceURI, isServiceNamespace(namespace) else {
                throw .fault(SOAPFault(.client, "expected <\(operation.soapName ?? "")Response> in the service namespace, found <\(body.localName)>"))
            }
            guard let inner = body.child("result") else { throw .fault(SOAPFault(.client, "the reply has no <result>")) }
            result = inner
        }
        return try decodeResult(type, result)
    }

    /// Decodes the reply of an already parsed envelope.
    public static func decodeReply<Payload>(_ type: Payload.Type, from message: SOAPMessage) throws(NodeAPISOAPError) -> NodeAPIReply<Payload> {
        guard message.isReply, let result = message.body.child("result") else {
            throw .fault(SOAPFault(.client, "expected <\(message.operation.soapName ?? "")Response> holding <result>"))
        }
        return try decodeResult(type, result)
    }

    private static func decodeResult<Payload>(_ type: Payload.Type, _ result: XMLElement) throws(NodeAPISOAPError) -> NodeAPIReply<Payload> {
        do {
            return try NodeAPIReply<Payload>(from: XMLValueDecoder(element: result))
        } catch {
            throw .provider(NodeAPIError(decoding: error))
        }
    }

    // MARK: Faults

    /// A Fault envelope.
    public static func encodeFault(_ fault: SOAPFault) -> [UInt8] {
        let body = XMLElement("Fault", namespaceURI: envelopeNamespace, children: [
            XMLElement("faultcode", text: "soapenv:\(fault.code.rawValue)"),
            XMLElement("faultstring", text: fault.reason),
        ])
        let root = XMLElement("Envelope", namespaceURI: envelopeNamespace, children: [XMLElement("Body", namespaceURI: envelopeNamespace, children: [body])])
        return XMLWriter(namespaces: [.init(prefix: "soapenv", uri: envelopeNamespace)], indent: 4).write(root)
    }

    static func fault(from element: XMLElement) -> SOAPFault {
        let codeText = element.child("faultcode")?.text.trimmedASCIIWhitespace ?? ""
        let local = codeText.split(separator: ":").last.map(String.init) ?? codeText
        let code = SOAPFault.Code(rawValue: local.split(separator: ".").first.map(String.init) ?? local) ?? .server
        return SOAPFault(code, element.child("faultstring")?.text ?? "")
    }

    // MARK: Writing

    private static func soapName(_ operation: NodeAPIOperation) throws(NodeAPIError) -> String {
        guard let name = operation.soapName else {
            throw NodeAPIError(.notFound, detail: "\(operation.path) has no SOAP operation")
        }
        return name
    }

    private static func element(named name: String, encoding value: some Encodable) throws(NodeAPIError) -> XMLElement {
        do {
            return try XMLValueEncoder.element(named: name, encoding: value)
        } catch {
            throw NodeAPIError(.internalServer, detail: "could not encode \(name): \(error)")
        }
    }

    private static func envelope(_ body: XMLElement, serviceNamespace: String, header: Bool) -> [UInt8] {
        var children: [XMLElement] = []
        if header { children.append(XMLElement("Header", namespaceURI: envelopeNamespace)) }
        children.append(XMLElement("Body", namespaceURI: envelopeNamespace, children: [body]))
        let root = XMLElement("Envelope", namespaceURI: envelopeNamespace, children: children)
        let writer = XMLWriter(namespaces: [.init(prefix: "soapenv", uri: envelopeNamespace), .init(prefix: "sms", uri: serviceNamespace)], indent: 4)
        return writer.write(root)
    }
}
