import Foundation
import MySoftIYS

/// `SendConsentBatch` and the calls about a batch; `ConsentQuery`.
extension IYSSimulation {
    /// `SendConsentBatch`: every record validated; with any wrong record and no `isSaveSuccessData`, nothing is
    /// saved and the reply fails (`HM422`) listing the wrong records; otherwise the valid ones are applied and the
    /// reply carries the transaction GUID and the wrong records (none when all were right).
    public func sendBatch(for user: String, _ request: SendConsentBatchRequest) throws(IYSError) -> IYSResult<BatchSendResult> {
        let brand = try brand(request.brandCode, of: user)
        try request.validate()
        var records: [IYSBatch.Record] = []
        var seen = Set<ConsentKey>()
        for (index, consent) in request.consentData.enumerated() {
            var problem: String?
            do {
                try consent.validate(prefix: "consentData[\(index)]")
            } catch {
                problem = error.message
            }
            let key = ConsentKey(recipient: consent.recipient, type: consent.type, recipientType: consent.recipientType)
            if problem == nil, !seen.insert(key).inserted { problem = "consentData[\(index)]: the same recipient, type and recipientType appear earlier in the batch" }
            if problem == nil, let recorded = store.entry(brand: brand.code, key: key)?.consent,
               let stale = Self.staleness(of: consent, against: recorded) {
                problem = "consentData[\(index)].\(stale)"
            }
            records.append(IYSBatch.Record(consent: consent, outcome: problem.map { .error($0) } ?? .inserted, forwardedAt: nil, forwardingFails: false))
        }
        let wrong = records.filter { if case .error = $0.outcome { true } else { false } }.map(Self.errorView)
        if !wrong.isEmpty, request.isSaveSuccessData != true {
            return .failure(
                IYSError(.HM422, "\(wrong.count) of \(records.count) records are wrong; nothing was saved (send isSaveSuccessData to save the others)"),
                data: BatchSendResult(transctionGuid: nil, consentList: wrong)
            )
        }
        let now = clock.now()
        for index in records.indices where records[index].outcome == .inserted {
            let outcome = apply(records[index].consent, brand: brand)
            records[index].outcome = outcome
            if case .error = outcome { continue }
            if records[index].isSaved {
                let entry = store.entry(brand: brand.code, key: ConsentKey(recipient: records[index].consent.recipient, type: records[index].consent.type, recipientType: records[index].consent.recipientType))
                records[index].forwardedAt = now
                records[index].forwardingFails = entry?.forwardingFails ?? false
                records[index].iysTransactionId = entry?.iysTransactionId
            }
        }
        let guid = UUID().uuidString.lowercased()
        batches[guid] = IYSBatch(guid: guid, brand: brand.code, owner: user, records: records)
        return .success(BatchSendResult(transctionGuid: guid, consentList: wrong))
    }

    /// `ConsentBatchStatus`: the counts; status 1 (Bekliyor) while any saved record is still being forwarded, 2 (Tamamlandı) after.
    public func batchStatus(for user: String, _ request: BatchTransactionRequest) throws(IYSError) -> BatchStatus {
        let batch = try batch(request, of: user)
        var counts = (inserted: 0, updated: 0, errors: 0, usedBefore: 0)
        for record in batch.records {
            switch record.outcome {
            case .inserted: counts.inserted += 1
            case .updated: counts.updated += 1
            case .error: counts.errors += 1
            case .usedBefore: counts.usedBefore += 1
            }
        }
        let now = clock.now()
        let forwarding = batch.records.contains { record in
            guard let at = record.forwardedAt else { return false }
            return !self.forwarding.status(elapsed: now - at, fails: record.forwardingFails).isFinal
        }
        return BatchStatus(
            transctionGuid: batch.guid, batchStatus: forwarding ? 1 : 2, batchStatusText: forwarding ? "Bekliyor" : "Tamamlandı",
            recordCount: batch.records.count, insertedRecordCount: counts.inserted, updatedRecordCount: counts.updated,
            errorRecordCount: counts.errors, isUsedBeforeRecordCount: counts.usedBefore
        )
    }

    /// `ConsentBatchStatusSuccess`: the records saved (inserted or updated).
    public func batchSuccesses(for user: String, _ request: BatchTransactionRequest) throws(IYSError) -> [ConsentRecord] {
        try batch(request, of: user).records.filter(\.isSaved).map { ConsentRecord($0.consent) }
    }

    /// `ConsentBatchStatusError`: the wrong records, each with its `errorMessage`.
    public func batchErrors(for user: String, _ request: BatchTransactionRequest) throws(IYSError) -> [ConsentRecord] {
        try batch(request, of: user).records.filter { if case .error = $0.outcome { true } else { false } }.map(Self.errorView)
    }

    /// `ConsentBatchStatusUpdated`: the consents as they were before the batch replaced them.
    public func batchUpdates(for user: String, _ request: BatchTransactionRequest) throws(IYSError) -> [ConsentRecord] {
        try batch(request, of: user).records.compactMap { record in
            if case .updated(let previous) = record.outcome { ConsentRecord(previous) } else { nil }
        }
    }

    /// `ConsentBatchStatusIsUsedBefore`: the records that were already recorded as sent, and changed nothing.
    public func batchUsedBefore(for user: String, _ request: BatchTransactionRequest) throws(IYSError) -> [ConsentRecord] {
        try batch(request, of: user).records.filter { $0.outcome == .usedBefore }.map { record in
            var view = ConsentRecord(record.consent)
            view.errorMessage = "Bu izin daha önce kaydedilmiş; değişiklik yok."
            return view
        }
    }

    /// `ConsentBatchSendIYSStatus`: the saved records with their İYS forwarding state; with `isSendAllData`,
    /// every record's last state (wrong ones as failed, used-before ones as sent).
    public func batchForwarding(for user: String, _ request: BatchTransactionRequest) throws(IYSError) -> [ConsentRecord] {
        let batch = try batch(request, of: user)
        return batch.records.compactMap { record in
            if let at = record.forwardedAt {
                return forwardingView(record.consent, forwardedAt: at, fails: record.forwardingFails, transactionId: record.iysTransactionId)
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

    func batch(_ request: BatchTransactionRequest, of user: String) throws(IYSError) -> IYSBatch {
        let brand = try brand(request.brandCode, of: user)
        guard let batch = batches[request.transctionGuid.lowercased()], batch.owner == user, batch.brand == brand.code else {
            throw IYSError(.HM404, "no batch \(request.transctionGuid) in brand \(brand.code)")
        }
        return batch
    }

    static func errorView(_ record: IYSBatch.Record) -> ConsentRecord {
        var view = ConsentRecord(record.consent)
        if case .error(let message) = record.outcome {
            view.errorMessage = message
            view.portalStatus = 1
            view.portalStatusText = "Hatalı kayıt"
        }
        return view
    }

    // MARK: Query

    /// `ConsentQuery`: the brand's records in change order after `afterValue`, filtered, at most `limit`
    /// (10 000 by default). The reply's `afterValue` is the position of the last record returned when more follow.
    public func query(for user: String, _ request: ConsentQueryRequest) throws(IYSError) -> ConsentQueryResult {
        let brand = try brand(request.brandCode, of: user)
        try request.validate()
        let limit = request.limit ?? ConsentQueryRequest.maxLimit
        let after = request.afterValue ?? 0
        var page: [ConsentRecord] = []
        var last = after
        var more = false
        for entry in store.entries(brand: brand.code) where entry.position > after && matches(entry, request) {
            if page.count == limit {
                more = true
                break
            }
            page.append(forwardingView(
                entry.consent, forwardedAt: entry.forwardedAt, fails: entry.forwardingFails, transactionId: entry.iysTransactionId, held: entry.isHeldFromIYS
            ))
            last = entry.position
        }
        return ConsentQueryResult(brandCode: brand.code, afterValue: more ? last : nil, recordCount: page.count, consentData: page)
    }

    func matches(_ entry: ConsentStore.Entry, _ request: ConsentQueryRequest) -> Bool {
        let consent = entry.consent
        if let types = request.type, !types.contains(consent.type) { return false }
        if let types = request.recipientType, !types.contains(consent.recipientType) { return false }
        if let sources = request.source, !sources.contains(consent.source) { return false }
        if let statuses = request.status, !statuses.contains(consent.status) { return false }
        if let mains = request.mainSource, !mains.contains(consent.source.mainSource) { return false }
        let received = TurkeyTime.iysDate(entry.receivedAt)
        if let start = request.sendDate, received < start { return false }
        if let end = request.sendDateEnd, end < received { return false }
        if request.consentDate != nil || request.consentDateEnd != nil {
            guard let date = consent.consentDate else { return false }
            if let start = request.consentDate, date < start { return false }
            if let end = request.consentDateEnd, end < date { return false }
        }
        if request.iysCreationDate != nil || request.iysCreationDateEnd != nil {
            let created = TurkeyTime.iysDate(entry.forwardedAt + Int64(forwarding.answerSeconds * 1000))
            if let start = request.iysCreationDate, created < start { return false }
            if let end = request.iysCreationDateEnd, end < created { return false }
        }
        return true
    }
}
