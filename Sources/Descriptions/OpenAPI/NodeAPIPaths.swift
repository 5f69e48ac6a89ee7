import NodeAPI

/// The Node API OpenAPI description's `paths`, from ``NodeAPIOperation``'s table: each operation's id, summary,
/// description (its details, and its SOAP name or "JSON only"), and its request and reply, which refer to the schemas
/// written by hand in `components` and named after its request type (`CreateSmsRequest`, `CreateSmsReply`).
enum NodeAPIPaths {
    static let path = "Sources/MockProviders/Resources/openapi/node-api.yaml"

    static var file: DescribedFile { DescribedFile(path, .sections([.init("openapi-paths", text)])) }

    static var text: String {
        NodeAPIOperation.allCases.map { operation in
            let row = operation.descriptor
            let description = (row.details ?? row.summary) + (row.soapName.map { ". SOAP: \($0)." } ?? ". JSON only.")
            return """
                  \(operation.path):
                    post:
                      operationId: \(operation)
                      summary: \(YAMLText.quoted(row.summary))
                      description: \(YAMLText.quoted(description))
                      requestBody:
                        required: \(!row.isParameterless)
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/\(requestSchema(operation))'}
                      responses:
                        '200':
                          description: 'The reply: data, with err null'
                          content:
                            application/json:
                              schema:
                                type: object
                                required: [data, err]
                                properties:
                                  data: {$ref: '#/components/schemas/\(replySchema(operation))'}
                                  err: {type: 'null'}
                        default: {$ref: '#/components/responses/Failure'}
                """
        }.joined(separator: "\n")
    }

    /// The schema of the request's body: `CreateSmsRequest`.
    static func requestSchema(_ operation: NodeAPIOperation) -> String { "\(operation.requestType)" }

    /// The schema of a successful reply's `data`: `CreateSmsReply`.
    static func replySchema(_ operation: NodeAPIOperation) -> String {
        let name = requestSchema(operation)
        return (name.hasSuffix("Request") ? String(name.dropLast("Request".count)) : name) + "Reply"
    }
}
