import EuromsgExpress

/// `POST /member`: adds a member to a list. Refused without sending rights; the İYS fields are required when the end
/// user made Euromsg Express its İYS integrator. An address already in the account joins the list under its memberId
/// (a deleted one is shown again, with its history); `created` says whether the member is new to the panel.
extension AddMemberRequest: ExpressTransition {
    package func apply(to state: inout ExpressState, caller apiKey: String, now: Int64) throws(ExpressError) -> (member: Member, created: Bool) {
        let request = self
        try EmailAddress.validate(request.email)
        let newId = state.ids.member
        let limit = state.maxMembers
        let result = try state.withAccount(apiKey, now: now) { (account: inout ExpressAccount, now: Int64) throws(ExpressError) -> (member: Member, created: Bool) in
            try ExpressState.requireSendingRights(account, now: now)
            _ = try account.list(request.listId)
            try ExpressState.checkIYS(request.iys, integrator: account.iysIntegrator)
            let key = EmailAddress.key(request.email)
            if let id = account.memberByEmail[key], var record = account.members[id] {
                let wasVisible = record.isVisible
                record.hiddenAt = nil
                if !record.member.listIds.contains(request.listId) { record.member.listIds.append(request.listId) }
                ExpressState.apply(request, to: &record.member)
                ExpressState.touch(&record, now: now)
                account.members[id] = record
                return (record.member, !wasVisible)
            }
            guard account.members.count < limit else {
                throw ExpressError(.conflict, "the end user has \(limit) members, the most the mock keeps (the scenario's euromsg.maxMembersPerEndUser)")
            }
            let date = ExpressClock.date(now)
            let member = Member(
                memberId: newId, email: request.email, firstName: request.firstName, lastName: request.lastName, phone: request.phone,
                listIds: [request.listId], iys: request.iys, createdAt: date, updatedAt: date
            )
            account.members[newId] = ExpressAccount.MemberRecord(member: member, updatedAt: now)
            account.memberByEmail[key] = newId
            return (member, true)
        }
        if result.member.memberId == newId { state.ids.member += 1 }
        return result
    }
}
