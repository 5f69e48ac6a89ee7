import Foundation
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP

/// The protocol adapter behind `provider-mock convert`: a SOAP envelope to its JSON body and back,
/// through the typed model, so that whatever one face carries the other carries too.
///
/// Conversion does not apply the field rules (a converted request is what was sent, right or wrong),
/// but the input must decode: malformed or unknown input is a ``ConversionError`` naming what is wrong.
package enum Converter {
    /// A SOAP request or reply envelope as its JSON body; credentials are dropped (JSON carries them as Basic auth).
    /// A bare `<result>` document, as the document prints replies, needs `operation`.
    package static func soapToJSON(_ soap: [UInt8], operation: NodeAPIOperation? = nil) throws(ConversionError) -> [UInt8] {
        do {
            if let operation, let json = try bareResultToJSON(soap, operation: operation) { return json }
            let message = try SOAPMessage(parsing: soap)
            if message.isReply { return try replyToJSON(message.operation.requestType, message) }
            return try requestToJSON(message.operation.requestType, message)
        } catch let error as NodeAPISOAPError {
            throw ConversionError(error.description)
        } catch let error as NodeAPIError {
            throw ConversionError(error.message)
        } catch {
            throw ConversionError(String(describing: error))
        }
    }

    /// A JSON body as the SOAP envelope of `operation`: a request (with credentials when given) or, with `response`, a reply.
    package static func jsonToSOAP(
        _ json: [UInt8], operation: NodeAPIOperation, credentials: Credentials? = nil, response: Bool = false
    ) throws(ConversionError) -> [UInt8] {
        guard operation.soapName != nil else {
            throw ConversionError("\(operation.path) has no SOAP operation; the service has \(soapNames)")
        }
        do {
            if response { return try replyToSOAP(operation.requestType, json, operation: operation) }
            return try requestToSOAP(operation.requestType, json, credentials: credentials)
        } catch let error as NodeAPIError {
            throw ConversionError(error.message)
        } catch {
            throw ConversionError(String(describing: error))
        }
    }

    /// An operation named by its SOAP name (`sendSms`) or its JSON path (`/sms/create`).
    package static func operation(named name: String) throws(ConversionError) -> NodeAPIOperation {
        if let operation = NodeAPIOperation(soapName: name) ?? NodeAPIOperation(path: name) ?? NodeAPIOperation(path: "/" + name) {
            return operation
        }
        throw ConversionError("unknown operation '\(name)'; SOAP operations are \(soapNames)")
    }

    private static var soapNames: String { NodeAPIOperation.soapOperations.compactMap(\.soapName).joined(separator: ", ") }

    private static func requestToJSON<Request: NodeAPIRequest>(_ type: Request.Type, _ message: SOAPMessage) throws -> [UInt8] {
        try NodeAPIJSON.encodeRequest(NodeAPISOAP.decodeRequest(type, from: message, validating: false).request)
    }

    private static func replyToJSON<Request: NodeAPIRequest>(_ type: Request.Type, _ message: SOAPMessage) throws -> [UInt8] {
        try NodeAPIJSON.encodeReply(NodeAPISOAP.decodeReply(Request.Reply.self, from: message))
    }

    private static func bareResultToJSON(_ soap: [UInt8], operation: NodeAPIOperation) throws -> [UInt8]? {
        func convert<Request: NodeAPIRequest>(_ type: Request.Type) throws -> [UInt8] {
            try NodeAPIJSON.encodeReply(NodeAPISOAP.decodeReply(Request.Reply.self, operation: operation, from: soap))
        }
        // Only a document whose root is <result>; envelopes go through SOAPMessage.
        guard let start = soap.firstIndex(of: UInt8(ascii: "<")), soap[start...].starts(with: Array("<result".utf8)) else { return nil }
        return try convert(operation.requestType)
    }

    private static func requestToSOAP<Request: NodeAPIRequest>(_ type: Request.Type, _ json: [UInt8], credentials: Credentials?) throws -> [UInt8] {
        let request = try NodeAPIJSON.decodeRequest(type, from: json, validating: false)
        return try NodeAPISOAP.encodeRequest(request, credentials: credentials)
    }

    private static func replyToSOAP<Request: NodeAPIRequest>(_ type: Request.Type, _ json: [UInt8], operation: NodeAPIOperation) throws -> [UInt8] {
        try NodeAPISOAP.encodeReply(NodeAPIJSON.decodeReply(Request.Reply.self, from: json), operation: operation)
    }
}

/// Why a conversion failed, in one line.
package struct ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    package let message: String
    package init(_ message: String) {
        self.message = message.replacingOccurrences(of: "\n", with: " ")
    }
    package var description: String { message }
}
