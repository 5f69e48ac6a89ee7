import EuromsgExpress

/// `DELETE /email-list/{id}`: the list goes; its members stay in the account, in their other lists.
extension DeleteListRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) {
        try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, _: Int64) throws(ExpressError) in
            _ = try account.list(id)
            account.lists[id] = nil
            for (memberId, var record) in account.members where record.member.listIds.contains(id) {
                record.member.listIds.removeAll { $0 == id }
                account.members[memberId] = record
            }
        }
    }
}
