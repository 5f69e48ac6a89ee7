import WireCoding
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP

/// How one Node API request is held against the document (the proxy's traffic): that it decodes into the model, the
/// fields the document does not have (the provider ignores them), and the field rules it breaks. Its verdict also says
/// what the reply should be: the error the document has for the broken rule, or any documented outcome.
public struct NodeAPIRequestRules: Sendable {
    /// What was found in a request.
    public struct Verdict: Sendable, Hashable {
        /// The operation, when the request is one of the document's.
        public var operation: NodeAPIOperation?
        public var face: WireFormat
        public var differences: [String]
        /// What the document says the reply to this request is.
        public var expected: NodeAPIReplyRules.Outcome
    }

    /// A JSON request: `POST path` with `body`, or `GET path?query`.
    public static func json(path: String, body: [UInt8], query: Substring? = nil) -> Verdict {
        guard let operation = NodeAPIOperation(path: path) else {
            return Verdict(operation: nil, face: .json, differences: ["\(path) is not an operation of the document"], expected: .documented)
        }
        return json(operation.requestType, body: body, query: query)
    }

    private static func json<Request: NodeAPIRequest>(_ type: Request.Type, body: [UInt8], query: Substring?) -> Verdict {
        verdict(type, .json) { type, ignored throws(NodeAPIError) in
            if let query { return try NodeAPIJSON.decodeRequest(type, query: query, validating: false, ignoring: ignored) }
            return try NodeAPIJSON.decodeRequest(type, from: body, validating: false, ignoring: ignored)
        }
    }

    /// A SOAP envelope posted to `/soap`.
    public static func soap(body: [UInt8]) -> Verdict {
        let message: SOAPMessage
        do {
            message = try SOAPMessage(parsing: body)
        } catch {
            let reason = switch error {
            case .fault(let fault): fault.reason
            case .provider(let problem): problem.message
            }
            return Verdict(operation: nil, face: .soap, differences: ["the request is not a SOAP message of the document: \(reason)"], expected: .documented)
        }
        var verdict = soap(message.operation.requestType, message)
        if message.body.child("username") == nil { verdict.differences.append("the request has no <username> and <password>") }
        return verdict
    }

    private static func soap<Request: NodeAPIRequest>(_ type: Request.Type, _ message: SOAPMessage) -> Verdict {
        verdict(type, .soap) { type, ignored throws(NodeAPIError) in
            do throws(NodeAPISOAPError) {
                return try NodeAPISOAP.decodeRequest(type, from: message, validating: false, ignoring: ignored).request
            } catch {
                throw error.nodeAPIError
            }
        }
    }

    private static func verdict<Request: NodeAPIRequest>(
        _ type: Request.Type, _ face: WireFormat, decode: (Request.Type, IgnoredFields) throws(NodeAPIError) -> Request
    ) -> Verdict {
        let ignored = IgnoredFields()
        var differences: [String] = []
        var expected = NodeAPIReplyRules.Outcome.documented
        do throws(NodeAPIError) {
            let request = try decode(type, ignored)
            let unknown = ignored.all
            differences += unknown.prefix(NodeAPIReplyRules.maxDifferences).map { "\($0) is not in the document (the provider ignores it)" }
            if unknown.count > NodeAPIReplyRules.maxDifferences { differences.append("\(unknown.count - NodeAPIReplyRules.maxDifferences) more unknown fields left out") }
            do throws(NodeAPIError) {
                try request.validate()
            } catch {
                differences.append("the request breaks a rule of the document: \(error.code): \(error.message)")
                expected = error.errorCode.map { .error($0) } ?? .documented
            }
        } catch {
            differences.append("the request does not decode into the model: \(error.code): \(error.message)")
            expected = error.errorCode.map { .error($0) } ?? .documented
        }
        return Verdict(operation: Request.operation, face: face, differences: differences, expected: expected)
    }
}
