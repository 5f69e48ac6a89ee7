import Foundation
import MySoftIYS

/// `ConsentStatus`: the recorded consent, or `HM404`; with `isQueryFromIYS`, the consent as İYS has it (one refused
/// by İYS is not there: İYS's previous one, or `HM404`).
extension ConsentStatusRequest: IYSTransition {
    package func apply(to state: inout IYSState, caller user: String, now: Int64) throws(IYSError) -> ConsentRecord {
        let brand = try state.brand(brandCode, of: user)
        let key = ConsentKey(recipient: recipient, type: type, recipientType: recipientType)
        let entry = state.consents.entry(brand: brand.code, key: key)
        let consent = isQueryFromIYS == true ? entry?.onIYS : entry?.consent
        guard let entry, let consent else {
            let side = isQueryFromIYS == true ? "on İYS" : "in brand \(brand.code)"
            throw IYSError(.HM404, "no consent of \(recipient) for \(type.rawValue) (\(recipientType.rawValue)) \(side)")
        }
        var record = ConsentRecord(consent)
        record.retailerAccessCount = entry.consent.retailerAccess?.count ?? 0
        record.retailerTitle = entry.consent.retailerCode.map { "Bayi \($0)" }
        return record
    }
}
