import NodeAPI

/// `/sms/cancel`: only before sending starts (`SMS07` after, `SMS06` for an unknown package); the credit of every item
/// comes back.
extension CancelSmsRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> StatusReply {
        let id = try state.packages.id(of: package, user: user)
        let (owner, credit) = try state.packages.cancel(id, at: now)
        state.accounts[owner]?.credit += credit
        return StatusReply(status: 1)
    }
}
