/// The request of `POST /email-list` (``ExpressOperation/createList``); the mock's rule for it is
/// `Lists/CreateListRequest+Simulation.swift`.
public struct CreateListRequest: Sendable, Hashable {
    public var list: EmailListName

    public init(_ list: EmailListName) { self.list = list }
}
