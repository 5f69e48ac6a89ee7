import LibXML
import NodeAPI

/// A parsed SOAP 1.1 envelope of the Node API service, before its body is decoded to a type.
///
/// Parsing once and dispatching on ``operation`` lets a server pick the request type without
/// reading the bytes twice.
public struct SOAPMessage: Sendable, Hashable {
    /// The operation named by the body element (`sms:sendSms` or `sms:sendSmsResponse`).
    public let operation: NodeAPIOperation
    /// Whether the body is a reply (`…Response`) rather than a request.
    public let isReply: Bool
    /// The service namespace the body element used (`http://HOST:PORT/wsdl/sms`).
    public let serviceNamespace: String
    /// The body element.
    public let body: XMLElement

    /// Parses and checks an envelope; anything that is not a SOAP 1.1 envelope of a known operation is a fault.
    public init(parsing bytes: some Sequence<UInt8>, limits: XMLParseLimits = .default) throws(NodeAPISOAPError) {
        let root: XMLElement
        do {
            root = try XMLDocumentParser.parse(bytes, limits: limits)
        } catch {
            throw .fault(SOAPFault(.client, error.description))
        }
        let body = try Self.bodyElement(of: root)
        if body.localName == "Fault", body.namespaceURI == NodeAPISOAP.envelopeNamespace {
            throw .fault(SOAPFault(.client, "the envelope holds a Fault, not an operation"))
        }
        guard let namespace = body.namespaceURI, NodeAPISOAP.isServiceNamespace(namespace) else {
            throw .fault(SOAPFault(.client, "<\(body.localName)> is not in the service namespace http://HOST:PORT/wsdl/sms (found \(body.namespaceURI ?? "no namespace"))"))
        }
        var name = body.localName
        var isReply = false
        if name.hasSuffix("Response"), NodeAPIOperation(soapName: name) == nil {
            name.removeLast("Response".count)
            isReply = true
        }
        guard let operation = NodeAPIOperation(soapName: name) else {
            throw .fault(SOAPFault(.client, "unknown operation '\(body.localName)'; the service has \(NodeAPIOperation.soapOperations.compactMap(\.soapName).joined(separator: ", "))"))
        }
        self.operation = operation
        self.isReply = isReply
        self.serviceNamespace = namespace
        self.body = body
    }

    /// The single element inside `soapenv:Body`, after checking the envelope and its header.
    static func bodyElement(of root: XMLElement) throws(NodeAPISOAPError) -> XMLElement {
        if root.localName == "Envelope", root.namespaceURI == NodeAPISOAP.soap12Namespace {
            throw .fault(SOAPFault(.versionMismatch, "SOAP 1.2 envelopes are not supported; use SOAP 1.1 (\(NodeAPISOAP.envelopeNamespace))"))
        }
        guard root.localName == "Envelope", root.namespaceURI == NodeAPISOAP.envelopeNamespace else {
            throw .fault(SOAPFault(.versionMismatch, "the root element must be a SOAP 1.1 Envelope in \(NodeAPISOAP.envelopeNamespace)"))
        }
        if let header = root.child("Header", namespaceURI: NodeAPISOAP.envelopeNamespace) {
            for block in header.children where block.attribute("mustUnderstand", namespaceURI: NodeAPISOAP.envelopeNamespace) == "1" {
                throw .fault(SOAPFault(.mustUnderstand, "header block <\(block.localName)> is not understood"))
            }
        }
        guard let body = root.child("Body", namespaceURI: NodeAPISOAP.envelopeNamespace) else {
            throw .fault(SOAPFault(.client, "the envelope has no Body"))
        }
        guard body.children.count == 1, let element = body.children.first else {
            throw .fault(SOAPFault(.client, "the Body must hold exactly one element, found \(body.children.count)"))
        }
        return element
    }
}
