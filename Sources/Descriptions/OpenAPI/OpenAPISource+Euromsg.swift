import EuromsgExpress

extension OpenAPISource {
    /// Euromsg Express's description: its calls' paths, methods, ids and summaries from ``ExpressOperation``, and the
    /// rest of each call (its parameters, the statuses it answers) written by hand.
    static var euromsg: OpenAPISource {
        OpenAPISource(name: "euromsg", operations: ExpressOperation.allCases.map { operation in
            Operation(
                path: operation.path, method: operation.method.rawValue.lowercased(), id: operation.rawValue,
                object: identity(operation.rawValue, operation.descriptor.summary, nil)
            )
        }, partsRequired: true)
    }
}
