import NodeAPI

/// `/sms/list-sender`: filtered by keyword (case-insensitive) and state, paged; each sender with its gateways.
extension ListSendersRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> Page<Sender> {
        let account = try state.account(user)
        let senders = account.senders.filter { sender in
            (status.map { sender.state == $0 } ?? true) && (keyword.map { TurkishText.contains(sender.title, $0) } ?? true)
        }
        return Page(NodeAPIState.page(senders, paging)) { sender in
            Sender(uuid: sender.uuid, status: sender.state, title: sender.title, gateways: account.gateways.filter { sender.gateways.contains($0.uuid) })
        }
    }
}
