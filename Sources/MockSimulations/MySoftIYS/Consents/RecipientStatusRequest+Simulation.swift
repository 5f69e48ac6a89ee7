import Foundation
import MySoftIYS

/// `RecipientStatus`: every consent of a recipient in one brand, or in all the account's brands.
extension RecipientStatusRequest: IYSTransition {
    package func apply(to state: inout IYSState, caller user: String, now: Int64) throws(IYSError) -> [ConsentRecord] {
        if recipient.isEmpty { throw .invalid("recipient", "is required") }
        let brands = try brandCode.map { code throws(IYSError) in [try state.brand(code, of: user)] } ?? (state.accounts[user]?.brands ?? [])
        let wanted = ConsentKey.normalized(recipient)
        var found: [ConsentRecord] = []
        for brand in brands {
            for entry in state.consents.entries(brand: brand.code) where ConsentKey.normalized(entry.consent.recipient) == wanted {
                var record = state.forwardingView(
                    entry.consent, forwardedAt: entry.forwardedAt, fails: entry.forwardingFails, transactionId: entry.iysTransactionId, now: now
                )
                record.brandCode = brand.code
                found.append(record)
            }
        }
        if found.isEmpty { throw IYSError(.HM404, "no consent of \(recipient)") }
        return found
    }
}
