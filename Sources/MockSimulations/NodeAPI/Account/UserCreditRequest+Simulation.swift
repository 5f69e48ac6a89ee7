import NodeAPI

/// `/user/credit`: the balance, after the refunds that fell due.
extension UserCreditRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> UserCredit {
        state.settle(at: now)
        return UserCredit(credit: try state.account(user).credit)
    }
}
