import MySoftIYS

/// The five calls that list a batch's records (`ConsentBatchStatusSuccess`, `…Error`, `…Updated`, `…IsUsedBefore`,
/// `ConsentBatchSendIYSStatus`): one request type, `BatchTransactionRequest`, and which list it asks for.
package struct IYSBatchRecords: IYSTransition {
    package var list: IYSBatchList
    package var request: BatchTransactionRequest

    package init(_ list: IYSBatchList, _ request: BatchTransactionRequest) {
        self.list = list
        self.request = request
    }

    package func apply(to state: inout IYSState, caller user: String, now: Int64) throws(IYSError) -> [ConsentRecord] {
        let records = try state.batch(request, of: user).records
        switch list {
        case .successes:
            return records.filter(\.isSaved).map { ConsentRecord($0.consent) }
        case .errors:
            return records.filter { if case .error = $0.outcome { true } else { false } }.map(IYSState.errorView)
        case .updated:
            return records.compactMap { record in
                if case .updated(let previous) = record.outcome { ConsentRecord(previous) } else { nil }
            }
        case .usedBefore:
            return records.filter { $0.outcome == .usedBefore }.map { record in
                var view = ConsentRecord(record.consent)
                view.errorMessage = "Bu izin daha önce kaydedilmiş; değişiklik yok."
                return view
            }
        case .forwarding:
            return records.compactMap { record in
                if let at = record.forwardedAt {
                    return state.forwardingView(record.consent, forwardedAt: at, fails: record.forwardingFails, transactionId: record.iysTransactionId, now: now)
                }
                guard request.isSendAllData == true else { return nil }
                var view = ConsentRecord(record.consent)
                switch record.outcome {
                case .error(let message):
                    view.iysSendStatus = .failed
                    view.errorMessage = message
                default:
                    view.iysSendStatus = .sent
                }
                return view
            }
        }
    }
}
