/// A request of the Node API, tied to its operation and its reply type.
///
/// Each request decodes strictly (unknown fields and enum values refused, numbers accepted as numbers
/// or strings) and ``validate()`` applies the document's field rules. The mock and the client run the
/// same rules, so an error the mock answers is one the client can raise before sending.
public protocol NodeAPIRequest: Codable, Sendable, Hashable {
    /// The `data` of a successful reply.
    associatedtype Reply: Codable, Sendable, Hashable
    static var operation: NodeAPIOperation { get }
    /// Applies the document's field rules; the error names the field.
    func validate() throws(NodeAPIError)
}

extension NodeAPIRequest {
    public func validate() throws(NodeAPIError) {}
}
