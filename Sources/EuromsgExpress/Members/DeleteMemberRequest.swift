/// The request of `DELETE /member/{memberId}` (``ExpressOperation/deleteMember``); the mock's rule for it is
/// `Members/DeleteMemberRequest+Simulation.swift`.
public struct DeleteMemberRequest: Sendable, Hashable {
    public var id: Int

    public init(id: Int) { self.id = id }
}
