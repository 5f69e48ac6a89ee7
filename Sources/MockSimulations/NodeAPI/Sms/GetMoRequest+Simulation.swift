import NodeAPI

/// `/sms/get-mo`: every MO message of the account between the dates, as `/mo/list-request` lists them (opt-outs and
/// the rest), newest first, filtered and paged by the same rule.
extension GetMoRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> Page<MoRequest> {
        try ListMoRequestsRequest(keyword: keyword, startDate: startDate, finishDate: finishDate, paging: paging).apply(to: &state, caller: user, now: now)
    }
}
