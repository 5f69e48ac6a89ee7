/// The request of `GET /email-list/{id}` (``ExpressOperation/getList``); the mock's rule for it is
/// `Lists/GetListRequest+Simulation.swift`.
public struct GetListRequest: Sendable, Hashable {
    public var id: Int

    public init(id: Int) { self.id = id }
}
