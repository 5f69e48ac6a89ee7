import MySoftIYS

/// The MySoft İYS OpenAPI description's consent calls, from ``IYSOperation``'s table: each call's id, summary and
/// description, its bearer token, its request (a schema named after its request type) and its reply's `data` (a schema
/// named after the call, `SendConsentReply`), both written by hand in `components`. The token's path is written by hand.
enum IYSPaths {
    static let path = "Sources/MockProviders/Resources/openapi/iys.yaml"

    static var file: DescribedFile { DescribedFile(path, .sections([.init("openapi-paths", text)])) }

    static var text: String {
        IYSOperation.allCases.map { operation in
            "  \(operation.path):\n" + item(operation, "post", id: operationID(operation), summary: operation.descriptor.summary)
                + (operation.allowsGET ? "\n" + item(operation, "get", id: operationID(operation) + "ByGet", summary: operation.descriptor.summary + " (GET)") : "")
        }.joined(separator: "\n")
    }

    private static func item(_ operation: IYSOperation, _ method: String, id: String, summary: String) -> String {
        let row = operation.descriptor
        var lines = ["    \(method):", "      operationId: \(id)", "      summary: \(YAMLText.quoted(summary))"]
        if let details = row.details { lines.append("      description: \(YAMLText.quoted(details))") }
        lines += ["      security:", "      - bearer: []"]
        if method == "post", let schema = requestSchema(operation) {
            lines += [
                "      requestBody:", "        required: true", "        content:", "          application/json:",
                "            schema: {$ref: '#/components/schemas/\(schema)'}",
            ]
        }
        lines += [
            "      responses:", "        '200':", "          description: succeed true, with data", "          content:", "            application/json:",
            "              schema:", "                type: object", "                required: [succeed, data]", "                properties:",
            "                  succeed:", "                    type: boolean", "                    enum: [true]",
            "                  data: {$ref: '#/components/schemas/\(replySchema(operation))'}",
            "                  message:", "                    type: [string, 'null']", "                  errorCode: {type: 'null'}",
            "        default: {$ref: '#/components/responses/Failure'}",
        ]
        return lines.joined(separator: "\n")
    }

    /// The call's name in camel case, as a client generated from the description names its method: `sendConsent`,
    /// `iysBrands` (a leading acronym in lower case).
    static func operationID(_ operation: IYSOperation) -> String {
        let name = operation.name
        let capitals = name.prefix { $0.isUppercase }
        let lowered = capitals.count > 1 ? capitals.dropLast().lowercased() + capitals.suffix(1) : capitals.lowercased()
        return lowered + name.dropFirst(capitals.count)
    }

    /// The schema of the request's body, named after its type (`BatchTransactionRequest`, shared by the batch's calls).
    static func requestSchema(_ operation: IYSOperation) -> String? { operation.descriptor.requestType.map { "\($0)" } }

    /// The schema of a successful reply's `data`: `SendConsentReply`.
    static func replySchema(_ operation: IYSOperation) -> String { operation.name + "Reply" }
}
