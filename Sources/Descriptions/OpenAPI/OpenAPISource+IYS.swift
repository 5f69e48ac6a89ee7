import MySoftIYS

extension OpenAPISource {
    /// MySoft İYS's description: every consent call of ``IYSOperation`` whole, from its row (id, summary, details),
    /// its bearer token, and its request and reply as hand-written schemas (the request named after its type, the
    /// reply's `data` after the call); the token's path is written by hand.
    static var iys: OpenAPISource {
        OpenAPISource(name: "iys", operations: IYSOperation.allCases.flatMap { operation in
            let post = Operation(path: operation.path, method: "post", id: iysOperationID(operation), object: iysObject(operation, get: false))
            guard operation.allowsGET else { return [post] }
            return [post, Operation(path: operation.path, method: "get", id: iysOperationID(operation) + "ByGet", object: iysObject(operation, get: true))]
        }, partsRequired: false)
    }

    private static func iysObject(_ operation: IYSOperation, get: Bool) -> [String: Any] {
        let row = operation.descriptor
        var object = identity(iysOperationID(operation) + (get ? "ByGet" : ""), row.summary + (get ? " (GET)" : ""), row.details)
        object["security"] = [["bearer": [String]()]]
        if !get, let request = iysRequest(operation) {
            object["requestBody"] = ["required": true, "content": ["application/json": ["schema": schema(request)]]]
        }
        let reply: [String: Any] = [
            "type": "object", "required": ["succeed", "data"],
            "properties": [
                "succeed": ["type": "boolean", "enum": [true]], "data": schema(iysReply(operation)),
                "message": ["type": ["string", "null"]], "errorCode": ["type": "null"],
            ] as [String: Any],
        ]
        object["responses"] = [
            "200": ["description": "succeed true, with data", "content": ["application/json": ["schema": reply]]],
            "default": ["$ref": "#/components/responses/Failure"],
        ]
        return object
    }

    /// The call's name in camel case, as a client generated from the description names its method: `sendConsent`,
    /// `iysBrands` (a leading acronym in lower case).
    static func iysOperationID(_ operation: IYSOperation) -> String {
        let name = operation.name
        let capitals = name.prefix { $0.isUppercase }
        let lowered = capitals.count > 1 ? capitals.dropLast().lowercased() + capitals.suffix(1) : capitals.lowercased()
        return lowered + name.dropFirst(capitals.count)
    }

    /// The schema of the request's body, named after its type (`BatchTransactionRequest`, shared by the batch's calls).
    static func iysRequest(_ operation: IYSOperation) -> String? { operation.descriptor.requestType.map { "\($0)" } }

    /// The schema of a successful reply's `data`: `SendConsentReply`.
    static func iysReply(_ operation: IYSOperation) -> String { operation.name + "Reply" }
}
