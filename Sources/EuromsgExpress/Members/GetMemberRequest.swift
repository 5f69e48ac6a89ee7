/// The request of `GET /member/{memberId}` (``ExpressOperation/getMember``); the mock's rule for it is
/// `Members/GetMemberRequest+Simulation.swift`.
public struct GetMemberRequest: Sendable, Hashable {
    public var id: Int

    public init(id: Int) { self.id = id }
}
