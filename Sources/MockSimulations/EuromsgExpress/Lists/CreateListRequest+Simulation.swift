import EuromsgExpress

/// `POST /email-list`: a new list; the name must be new to the end user (Turkish case-insensitive).
extension CreateListRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> EmailList {
        let name = try list.validated()
        let id = state.ids.list
        let limit = state.maxLists
        let created = try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, now: Int64) throws(ExpressError) in
            guard account.lists.count < limit else {
                throw ExpressError(.conflict, "the end user has \(limit) lists, the most the mock keeps (the scenario's euromsg.maxListsPerEndUser)")
            }
            try ExpressState.requireNewName(name, in: account, except: nil)
            let record = ExpressAccount.ListRecord(id: id, name: name, createdAt: now)
            account.lists[id] = record
            return account.view(record)
        }
        state.ids.list += 1
        return created
    }
}
