import Foundation
import MySoftIYS
import NodeAPI
import WireCoding

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
    struct Due: Sendable, Hashable, Codable {
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
