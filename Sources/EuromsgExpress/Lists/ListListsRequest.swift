/// The request of `GET /email-list` (``ExpressOperation/listLists``); the mock's rule for it is
/// `Lists/ListListsRequest+Simulation.swift`.
public struct ListListsRequest: Sendable, Hashable {
    public var name: String?

    public init(name: String? = nil) { self.name = name }
}
