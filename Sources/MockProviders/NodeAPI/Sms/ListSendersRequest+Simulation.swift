import NodeAPI

/// `/sms/list-sender`: filtered by keyword (case-insensitive) and state, paged.
extension ListSendersRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, user: String, now: Int64) throws(NodeAPIError) -> Page<Sender> {
        let senders = try state.account(user).senders.filter { sender in
            (status.map { sender.state == $0 } ?? true) && (keyword.map { TurkishText.contains(sender.title, $0) } ?? true)
        }
        return Page(NodeAPIState.page(senders, paging)) { Sender(uuid: $0.uuid, status: $0.state, title: $0.title) }
    }
}
