/// The request of `GET /member` (``ExpressOperation/queryMembers``); the mock's rule for it is
/// `Members/QueryMembersRequest+Simulation.swift`.
public struct QueryMembersRequest: Sendable, Hashable {
    public var query: MemberQuery

    public init(_ query: MemberQuery) { self.query = query }
}
