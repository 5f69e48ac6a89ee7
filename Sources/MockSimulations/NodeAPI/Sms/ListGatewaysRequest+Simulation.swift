import NodeAPI

/// `/sms/list-gateway`: the account's gateways, from the scenario, in its order.
extension ListGatewaysRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> Page<Gateway> {
        let gateways = try state.account(user).gateways
        return Page(totalRecord: gateways.count, list: gateways)
    }
}
