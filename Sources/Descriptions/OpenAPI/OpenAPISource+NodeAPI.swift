import NodeAPI

extension OpenAPISource {
    /// The Node API's description: every call of ``NodeAPIOperation`` whole, from its row (id, summary, description
    /// with its SOAP name) and its request and reply as the hand-written schemas named after its request type.
    static var nodeAPI: OpenAPISource {
        OpenAPISource(name: "node-api", operations: NodeAPIOperation.allCases.map { operation in
            let row = operation.descriptor
            var object = identity("\(operation)", row.summary, (row.details ?? row.summary) + (row.soapName.map { ". SOAP: \($0)." } ?? ". JSON only."))
            object["requestBody"] = ["required": !row.isParameterless, "content": ["application/json": ["schema": schema(nodeAPIRequest(operation))]]]
            let reply: [String: Any] = [
                "type": "object", "required": ["data", "err"], "properties": ["data": schema(nodeAPIReply(operation)), "err": ["type": "null"]],
            ]
            object["responses"] = [
                "200": ["description": "The reply: data, with err null", "content": ["application/json": ["schema": reply]]],
                "default": ["$ref": "#/components/responses/Failure"],
            ]
            return Operation(path: operation.path, method: "post", id: "\(operation)", object: object)
        }, partsRequired: false)
    }

    /// The schema of the request's body: `CreateSmsRequest`.
    static func nodeAPIRequest(_ operation: NodeAPIOperation) -> String { "\(operation.requestType)" }

    /// The schema of a successful reply's `data`: `CreateSmsReply`.
    static func nodeAPIReply(_ operation: NodeAPIOperation) -> String {
        let name = nodeAPIRequest(operation)
        return (name.hasSuffix("Request") ? String(name.dropLast("Request".count)) : name) + "Reply"
    }
}
