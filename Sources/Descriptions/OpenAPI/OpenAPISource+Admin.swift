import MockAdmin

extension OpenAPISource {
    /// The admin API's description: its calls' paths, methods, ids, summaries and descriptions from ``AdminOperation``,
    /// and the rest of each call written by hand.
    static var admin: OpenAPISource {
        OpenAPISource(name: "admin", operations: AdminOperation.allCases.map { operation in
            let row = operation.descriptor
            return Operation(
                path: operation.path, method: operation.method.rawValue.lowercased(), id: operation.rawValue,
                object: identity(operation.rawValue, row.summary, row.details)
            )
        }, partsRequired: true)
    }
}
