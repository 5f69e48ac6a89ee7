import Foundation
import MySoftIYS

/// `ConsentQuery`: the brand's records in change order after `afterValue`, filtered, at most `limit`
/// (10 000 by default). The reply's `afterValue` is the position of the last record returned when more follow.
extension ConsentQueryRequest: IYSTransition {
    package func apply(to state: inout IYSState, caller user: String, now: Int64) throws(IYSError) -> ConsentQueryResult {
        let brand = try state.brand(brandCode, of: user)
        try validate()
        let limit = self.limit ?? ConsentQueryRequest.maxLimit
        let after = afterValue ?? 0
        var page: [ConsentRecord] = []
        var last = after
        var more = false
        for entry in state.consents.entries(brand: brand.code) where entry.position > after && state.matches(entry, self) {
            if page.count == limit {
                more = true
                break
            }
            page.append(state.forwardingView(
                entry.consent, forwardedAt: entry.forwardedAt, fails: entry.forwardingFails, transactionId: entry.iysTransactionId, now: now
            ))
            last = entry.position
        }
        return ConsentQueryResult(brandCode: brand.code, afterValue: more ? last : nil, recordCount: page.count, consentData: page)
    }
}
