import Foundation
import NodeAPI
import WireCoding

/// The body the mock POSTs to a package's `pushSettings.url` when items reach a final state. The
/// document does not show one; this shape is the project's decision (see the README):
/// `{"pkgID", "uuid", "customID", "items": [{"id", "target", "state", "sendingDate", "deliveryDate"}]}`,
/// item states as in `/sms/list-item`, dates in the reply style.
package struct DeliveryReport: Sendable, Hashable, Codable {
    package struct Item: Sendable, Hashable, Codable {
        package var id: String
        package var target: String
        package var state: ItemState
        package var sendingDate: WireDate?
        package var deliveryDate: WireDate?
    }

    package var pkgID: Int
    package var uuid: String
    package var customID: String?
    package var items: [Item]
}

extension DeliveryReport {
    /// The POST body: JSON with sorted keys.
    package var jsonBody: [UInt8] {
        (try? Array(WireJSON.encoder().encode(self))) ?? []
    }
}

extension NodeAPISimulation {
    /// Hands the reports that are due to the dispatcher (``MockBackgroundWork`` does every 250 ms).
    package func enqueueReports(to dispatcher: CallbackDispatcher) async {
        for (url, report) in self.dueReports() { await dispatcher.enqueue(url: url, body: report.jsonBody) }
    }

    /// Hands the reports that are due to the dispatcher and delivers what is due: one turn of the callback loop,
    /// for tests that advance the clock.
    package func deliverReports(through dispatcher: CallbackDispatcher) async {
        await enqueueReports(to: dispatcher)
        await dispatcher.drain()
    }
}
