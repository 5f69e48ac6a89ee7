import Foundation
import NodeAPI
import WireCoding

/// The body the mock POSTs to a package's `pushSettings.url` when items reach a final state. The document shows none;
/// this is the shape a production receiver parses (README, "Decisions"): `{"pkg", "items", "userID"}`, the package as
/// `/sms/list` shows it and its items as `/sms/list-item` shows them, every key written (an undelivered item's
/// `"deliveryDate": null`), and the account's numeric id.
package struct DeliveryReport: Sendable, Hashable, Codable {
    package var pkg: SmsPackageSummary
    package var items: [PackageItem]
    package var userID: Int
}

extension DeliveryReport {
    /// The POST body: JSON with sorted keys.
    package var jsonBody: [UInt8] {
        (try? Array(WireJSON.encoder().encode(self))) ?? []
    }
}
