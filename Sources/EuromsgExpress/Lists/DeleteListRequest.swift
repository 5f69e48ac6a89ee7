/// The request of `DELETE /email-list/{id}` (``ExpressOperation/deleteList``); the mock's rule for it is
/// `Lists/DeleteListRequest+Simulation.swift`.
public struct DeleteListRequest: Sendable, Hashable {
    public var id: Int

    public init(id: Int) { self.id = id }
}
