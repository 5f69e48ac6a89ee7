import EuromsgExpress

/// `PATCH /email-list/{id}`: renames the list; the new name must be new to the end user.
extension RenameListRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> EmailList {
        let name = try list.validated()
        return try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, _: Int64) throws(ExpressError) in
            var record = try account.list(id)
            try ExpressState.requireNewName(name, in: account, except: id)
            record.name = name
            account.lists[id] = record
            return account.view(record)
        }
    }
}
