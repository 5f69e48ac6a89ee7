import Foundation
import MySoftIYS

/// `SendConsentBatch`: every record validated. With any wrong record and no `isSaveSuccessData`, nothing is saved: "all
/// registrations are canceled and returned", and the document's sample pairs such a batch with its "Successful" reply
/// (`succeed: true`, a `transctionGuid`, the records in `consentList`), so the reply succeeds with every record, each
/// with its `errorMessage` (a valid one says it was cancelled, naming the wrong ones), and the batch is kept under its
/// GUID with every record an error. Otherwise the valid ones are applied and the reply carries the GUID and the wrong
/// records (none when all were right).
extension SendConsentBatchRequest: IYSTransition {
    package func apply(to state: inout IYSState, caller user: String, now: Int64) throws(IYSError) -> IYSResult<BatchSendResult> {
        let brand = try state.brand(brandCode, of: user)
        try validate()
        var records: [IYSBatch.Record] = []
        var seen = Set<ConsentKey>()
        // New recipients beyond what the store has room for are wrong records, found before anything is saved.
        var room = state.consents.room
        let full = ConsentBook.Full(capacity: state.consents.capacity)
        for (index, consent) in consentData.enumerated() {
            var problem: String?
            do {
                try consent.validate(prefix: "consentData[\(index)]")
            } catch {
                problem = error.message
            }
            let key = ConsentKey(recipient: consent.recipient, type: consent.type, recipientType: consent.recipientType)
            if problem == nil, !seen.insert(key).inserted { problem = "consentData[\(index)]: the same recipient, type and recipientType appear earlier in the batch" }
            if problem == nil, let recorded = state.consents.entry(brand: brand.code, key: key)?.consent,
               let stale = IYSState.staleness(of: consent, against: recorded) {
                problem = "consentData[\(index)].\(stale)"
            }
            if problem == nil, state.consents.entry(brand: brand.code, key: key) == nil {
                if room > 0 { room -= 1 } else { problem = "consentData[\(index)]: \(full.message)" }
            }
            records.append(IYSBatch.Record(consent: consent, outcome: problem.map { .error($0) } ?? .inserted, forwardedAt: nil, forwardingFails: false))
        }
        let wrongIndices = records.indices.filter { if case .error = records[$0].outcome { true } else { false } }
        if !wrongIndices.isEmpty, isSaveSuccessData != true {
            let named = wrongIndices.prefix(5).map { "consentData[\($0)]" }.joined(separator: ", ") + (wrongIndices.count > 5 ? ", …" : "")
            for index in records.indices where records[index].outcome == .inserted {
                records[index].outcome = .error(
                    "consentData[\(index)]: cancelled, not saved: \(wrongIndices.count) of \(records.count) records are wrong (\(named)); send isSaveSuccessData to save the valid ones"
                )
            }
            let guid = state.random.uuid()
            state.keep(IYSBatch(guid: guid, brand: brand.code, owner: user, records: records))
            return .success(BatchSendResult(transctionGuid: guid, consentList: records.map(IYSState.errorView)))
        }
        let wrong = wrongIndices.map { IYSState.errorView(records[$0]) }
        for index in records.indices where records[index].outcome == .inserted {
            let outcome = state.apply(records[index].consent, brand: brand, now: now)
            records[index].outcome = outcome
            if case .error = outcome { continue }
            if records[index].isSaved {
                let entry = state.consents.entry(brand: brand.code, key: ConsentKey(recipient: records[index].consent.recipient, type: records[index].consent.type, recipientType: records[index].consent.recipientType))
                records[index].forwardedAt = now
                records[index].forwardingFails = entry?.forwardingFails ?? false
                records[index].iysTransactionId = entry?.iysTransactionId
            }
        }
        let guid = state.random.uuid()
        state.keep(IYSBatch(guid: guid, brand: brand.code, owner: user, records: records))
        return .success(BatchSendResult(transctionGuid: guid, consentList: wrong))
    }
}
