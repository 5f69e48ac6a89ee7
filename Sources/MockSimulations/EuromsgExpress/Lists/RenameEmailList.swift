import EuromsgExpress

/// `PATCH /email-list/{id}`: renames the list; the new name must be new to the end user.
package struct RenameEmailList: ExpressTransition {
    package var id: Int
    package var list: EmailListName

    package init(id: Int, _ list: EmailListName) {
        self.id = id
        self.list = list
    }

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
