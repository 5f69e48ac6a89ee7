import Foundation
import MySoftIYS

/// `SendConsent`: validated, saved (forwarding to İYS begins) and returned as saved. `isNotAutoSendIYS` changes nothing:
/// since API 2.13 it is "designed to be always true and asynchronous", so every consent goes to İYS in the background.
extension SendConsentRequest: IYSTransition {
    package func apply(to state: inout IYSState, caller user: String, now: Int64) throws(IYSError) -> ConsentRecord {
        let brand = try state.brand(brandCode, of: user)
        try consentData.validate()
        switch state.apply(consentData, brand: brand, now: now) {
        case .error(let message): throw IYSError(.HM400, message)
        case .inserted, .updated, .usedBefore: break
        }
        return try ConsentStatusRequest(
            brandCode: brand.code, recipient: consentData.recipient, recipientType: consentData.recipientType, type: consentData.type
        ).apply(to: &state, caller: user, now: now)
    }
}
