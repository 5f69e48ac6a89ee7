import EuromsgExpress

/// `GET /email-list`: every list, or those whose name contains `name` (Turkish case-insensitive), by id.
extension ListListsRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> [EmailList] {
        try state.withAccount(apiKey, now: now) { account, _ in
            account.lists.values.sorted { $0.id < $1.id }
                .filter { list in name.map { TurkishText.contains(list.name, $0) } ?? true }
                .map(account.view)
        }
    }
}
