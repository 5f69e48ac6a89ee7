import Foundation
import MySoftIYS

/// `ConsentBatchStatus`: the counts; status 1 (Bekliyor) while any saved record is still being forwarded, 2 (Tamamlandı) after.
extension BatchTransactionRequest: IYSTransition {
    package func apply(to state: inout IYSState, caller user: String, now: Int64) throws(IYSError) -> BatchStatus {
        let batch = try state.batch(self, of: user)
        var counts = (inserted: 0, updated: 0, errors: 0, usedBefore: 0)
        for record in batch.records {
            switch record.outcome {
            case .inserted: counts.inserted += 1
            case .updated: counts.updated += 1
            case .error: counts.errors += 1
            case .usedBefore: counts.usedBefore += 1
            }
        }
        let forwarding = batch.records.contains { record in
            guard let at = record.forwardedAt else { return false }
            return !state.forwarding.status(elapsed: now - at, fails: record.forwardingFails).isFinal
        }
        return BatchStatus(
            transctionGuid: batch.guid, batchStatus: forwarding ? 1 : 2, batchStatusText: forwarding ? "Bekliyor" : "Tamamlandı",
            recordCount: batch.records.count, insertedRecordCount: counts.inserted, updatedRecordCount: counts.updated,
            errorRecordCount: counts.errors, isUsedBeforeRecordCount: counts.usedBefore
        )
    }
}
