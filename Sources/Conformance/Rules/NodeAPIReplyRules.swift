import WireCoding
import Foundation
import LibXML
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP

/// How one Node API reply is held against the document, whoever sent the request: the contract's checks
/// (``NodeAPIContract``) and the traffic the proxy sees. What it checks:
/// - the envelope (`{data, err}` and no other key; on SOAP a reply rather than a Fault, with HTTP 200);
/// - that the reply decodes into the model (types, enum values, required fields);
/// - fields or elements the document does not have: what the reply carries that the model, writing the decoded value
///   back, does not;
/// - the outcome: a success, the expected error, or (for traffic) any error of the catalogue with its documented
///   `err.status`, and the HTTP status that goes with it.
public struct NodeAPIReplyRules: Sendable, Hashable {
    /// What the document says the reply is.
    public enum Outcome: Sendable, Hashable {
        case success
        case error(ErrorCode)
        /// A success, or an error of the catalogue with its documented status: what a request that keeps the rules
        /// may get (no credit, an unknown package…).
        case documented
    }

    /// The endpoint answers errors with HTTP 200 (some resellers do): `err.status` is then not the HTTP status.
    public var errorsAsHTTP200: Bool

    public init(errorsAsHTTP200: Bool = false) {
        self.errorsAsHTTP200 = errorsAsHTTP200
    }

    /// What differs in the reply (`status`, `body`) to `operation` through `face`; empty when it keeps the document. At
    /// most ``maxDifferences``, and a line for the rest: a reply of a million unknown fields is not a million lines.
    public func differences(_ operation: NodeAPIOperation, _ face: WireFormat, status: Int, body: [UInt8], expecting outcome: Outcome) -> [String] {
        let all = differences(operation.requestType, face, status: status, body: body, expecting: outcome)
        guard all.count > Self.maxDifferences else { return all }
        return Array(all.prefix(Self.maxDifferences)) + ["\(all.count - Self.maxDifferences) more differences left out"]
    }

    public static let maxDifferences = 50

    private func differences<Request: NodeAPIRequest>(_ type: Request.Type, _ face: WireFormat, status: Int, body: [UInt8], expecting outcome: Outcome) -> [String] {
        switch face {
        case .json: jsonDifferences(Request.self, status, body, outcome)
        case .soap: soapDifferences(Request.self, status, body, outcome)
        }
    }

    // MARK: JSON

    private func jsonDifferences<Request: NodeAPIRequest>(_ type: Request.Type, _ status: Int, _ body: [UInt8], _ outcome: Outcome) -> [String] {
        guard let object = JSONShape.object(body) else {
            return ["the body is not a JSON object (HTTP \(status)): \(JSONShape.excerpt(body))"]
        }
        var differences: [String] = []
        let missing = ["data", "err"].filter { object[$0] == nil }
        if !missing.isEmpty { differences.append("the envelope lacks \(missing.joined(separator: " and ")): keys are \(object.keys.sorted())") }
        let unexpected = object.keys.filter { $0 != "data" && $0 != "err" }.sorted()
        if !unexpected.isEmpty { differences.append("the envelope has keys the document does not: \(unexpected.joined(separator: ", "))") }
        let decoded: NodeAPIReply<Request.Reply>
        do {
            decoded = try NodeAPIJSON.decodeReply(Request.Reply.self, from: body)
        } catch {
            return differences + ["the reply does not decode into the model: \(error.message)"]
        }
        differences += outcomeDifferences(decoded, status: status, outcome)
        if case .success(let payload) = decoded, let encoded = try? NodeAPIJSON.encodeReply(NodeAPIReply<Request.Reply>.success(payload)),
           let written = JSONShape.object(encoded) {
            differences += JSONShape.unknownFields(object["data"], written["data"], at: "data")
        }
        return differences
    }

    // MARK: SOAP

    private func soapDifferences<Request: NodeAPIRequest>(_ type: Request.Type, _ status: Int, _ body: [UInt8], _ outcome: Outcome) -> [String] {
        let decoded: NodeAPIReply<Request.Reply>
        do {
            decoded = try NodeAPISOAP.decodeReply(Request.Reply.self, operation: Request.operation, from: body)
        } catch {
            switch error {
            case .fault(let fault): return ["a SOAP Fault (HTTP \(status)) where the document has a reply: \(fault.code): \(fault.reason)"]
            case .provider(let problem): return ["the reply does not decode into the model: \(problem.message)"]
            }
        }
        // SOAP errors travel in <err> with HTTP 200, as the WSDL's toolkits expect.
        var differences = outcomeDifferences(decoded, status: nil, outcome)
        if status != 200 { differences.append("HTTP \(status) where a SOAP reply (with or without <err>) comes with 200") }
        if case .success(let payload) = decoded, let received = Self.result(of: body),
           let encoded = try? NodeAPISOAP.encodeReply(NodeAPIReply<Request.Reply>.success(payload), operation: Request.operation),
           let written = Self.result(of: encoded) {
            differences += Self.unknownElements(received, written, at: "result")
        }
        return differences
    }

    /// The `<result>` of a reply envelope.
    static func result(of envelope: [UInt8]) -> XMLElement? {
        (try? SOAPMessage(parsing: envelope))?.body.child("result")
    }

    /// The elements of `received` that the model, writing the same value back, does not write. An empty element is
    /// "not given", known or not; repeated elements are compared by their first three, as JSON lists are.
    static func unknownElements(_ received: XMLElement, _ written: XMLElement, at path: String) -> [String] {
        // Grouped by name in one pass each: a reply of many differently named elements is not searched once per name.
        var mine: [String: [XMLElement]] = [:]
        var order: [String] = []
        for child in received.children {
            if mine[child.localName] == nil { order.append(child.localName) }
            mine[child.localName, default: []].append(child)
        }
        let theirs = Dictionary(grouping: written.children, by: \.localName)
        var differences: [String] = []
        for name in order {
            let same = mine[name] ?? []
            guard let known = theirs[name] else {
                if same.contains(where: { !$0.children.isEmpty || !$0.text.isEmpty }) { differences.append("\(path).\(name) is not in the document") }
                continue
            }
            for (index, pair) in zip(same, known).prefix(3).enumerated() {
                differences += unknownElements(pair.0, pair.1, at: same.count > 1 ? "\(path).\(name)[\(index)]" : "\(path).\(name)")
            }
        }
        return differences
    }

    // MARK: The outcome

    /// A success when one is expected, the expected error with its documented status, or any documented outcome;
    /// `status` is the HTTP status to hold against `err.status` (nil on SOAP).
    func outcomeDifferences<Payload>(_ reply: NodeAPIReply<Payload>, status: Int?, _ outcome: Outcome) -> [String] {
        switch (reply, outcome) {
        case (.success, .success), (.success, .documented):
            if let status, status != 200 { return ["a success with HTTP \(status), not 200"] }
            return []
        case (.success, .error(let code)):
            return ["a success where the document has \(code.entry.name) (\(code.entry.status))"]
        case (.failure(let error), .success):
            return ["\(error.code) (\(error.status)) where the document has a success: \(error.message)"]
        case (.failure(let error), .error(let code)):
            var differences: [String] = []
            if error.code != code.entry.name { differences.append("\(error.code) where the document has \(code.entry.name)") }
            if error.status != code.entry.status { differences.append("err.status \(error.status) where the document has \(code.entry.status) for \(code.entry.name)") }
            return differences + httpStatusDifferences(error, status)
        case (.failure(let error), .documented):
            guard let code = ErrorCode(wireName: error.code) else {
                return ["\(error.code) is not in the document's error catalogue"] + httpStatusDifferences(error, status)
            }
            var differences: [String] = []
            if error.status != code.entry.status { differences.append("err.status \(error.status) where the document has \(code.entry.status) for \(code.entry.name)") }
            return differences + httpStatusDifferences(error, status)
        }
    }

    private func httpStatusDifferences(_ error: NodeAPIError, _ status: Int?) -> [String] {
        guard let status else { return [] }
        let wanted = errorsAsHTTP200 ? 200 : error.status
        return status == wanted ? [] : ["HTTP \(status) with err.status \(error.status)\(errorsAsHTTP200 ? " (errors as 200 expected)" : "")"]
    }
}
