import Foundation
import MySoftIYS
import NodeAPI

/// How a contact's İYS state moves on the clock once its account syncs contacts with İYS (İYS settings on): 0 waiting
/// for ``waitingSeconds``, 1 processing for ``processingSeconds``, then 3 accepted (and its `MESAJ` consent, `ONAY`, is
/// saved in the İYS mock's store for the account's brand, so a commercial SMS to it passes the gate), or -1 rejected
/// by İYS (a number ending in `0005`) or -2 an invalid number for İYS (ending in `0006`). A sync starts when the
/// contact is created, and again on `/contact/update` with `iys.send: true`.
struct ContactIYSSync: Sendable, Hashable {
    static let waitingSeconds: Int64 = 2
    static let processingSeconds: Int64 = 2
    static let rejectedSuffix = "0005"
    static let invalidSuffix = "0006"

    /// A sync that falls due: its contact, and when it started (a newer sync of the same contact supersedes it).
    struct Due: Sendable, Hashable {
        var at: Int64
        var user: String
        var uuid: String
        var startedAt: Int64
    }

    /// When a sync started at `startedAt` reaches its final state.
    static func finalAt(startedAt: Int64) -> Int64 { startedAt + (waitingSeconds + processingSeconds) * 1000 }

    /// The final state İYS gives a number.
    static func outcome(for gsm: String) -> IysState {
        if gsm.hasSuffix(rejectedSuffix) { return .rejected }
        if gsm.hasSuffix(invalidSuffix) { return .invalidNumber }
        return .accepted
    }

    /// The state at `now` of a sync that started at `startedAt`.
    static func state(startedAt: Int64, now: Int64, gsm: String) -> IysState {
        let elapsed = now - startedAt
        if elapsed < waitingSeconds * 1000 { return .waiting }
        if elapsed < (waitingSeconds + processingSeconds) * 1000 { return .processing }
        return outcome(for: gsm)
    }

    /// The consent an accepted contact gives the brand's book: `MESAJ` `ONAY`, its recipient type and source (`c`,
    /// `spc`; individual and `HS_WEB` when not given), dated when the sync started.
    static func consent(gsm: String, iys: Contact.Iys, startedAt: Int64) -> ConsentData {
        ConsentData(
            recipient: "+" + gsm, recipientType: iys.recipientType == .merchant ? .merchant : .individual, type: .message,
            consentDate: TurkeyTime.iysDate(startedAt), source: iys.source.flatMap { ConsentSource(rawValue: $0.iysName) } ?? .web,
            status: .approved
        )
    }
}

extension NodeAPISimulation {
    /// Saves the consents of contacts whose İYS sync has come out accepted since the last call, in the İYS mock's store.
    /// Sending calls this before its İYS gate, listing contacts before it reads them, and `serve`'s background work on
    /// its tick; a sync that a newer one replaced, or a contact since deleted, saves nothing.
    public func syncContactsWithIYS() {
        let now = clock.now()
        while let due = contactSyncs.first, due.at <= now {
            contactSyncs.removeFirst()
            guard let record = books[due.user]?.contact(uuid: due.uuid), record.iysSyncStartedAt == due.startedAt, let iys = record.iys,
                  ContactIYSSync.outcome(for: record.gsm) == .accepted,
                  let brand = accounts[due.user]?.iysBrandCode, let consents
            else { continue }
            let consent = ContactIYSSync.consent(gsm: record.gsm, iys: iys, startedAt: due.startedAt)
            let key = ConsentKey(recipient: consent.recipient, type: consent.type, recipientType: consent.recipientType)
            // A consent the brand recorded after this sync began is newer: İYS keeps the latest.
            if let existing = consents.entry(brand: brand, key: key), existing.receivedAt >= due.startedAt || existing.consent.status == .approved {
                continue
            }
            consents.save(brand: brand, consent, at: now, forwardingFails: false, transactionId: UUID().uuidString.lowercased())
        }
    }

    /// Starts a contact's İYS sync now: its state follows the clock from here.
    func startIYSSync(user: String, uuid: String, at now: Int64) {
        contactSyncs.append(ContactIYSSync.Due(at: ContactIYSSync.finalAt(startedAt: now), user: user, uuid: uuid, startedAt: now))
    }
}
