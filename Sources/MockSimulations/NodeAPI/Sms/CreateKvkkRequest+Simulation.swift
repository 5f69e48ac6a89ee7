import Foundation
import NodeAPI

/// `/sms/create-kvkk`: `FIRST_NAME`, `LAST_NAME` (and any other custom field) and `SHORT_LINK` are filled in for the
/// recipient; the credit is that of the text actually sent.
extension CreateKvkkRequest: NodeAPITransition {
    /// The link the mock writes over `SHORT_LINK` in a KVKK message.
    package static func link(for number: String) -> String { "https://kvkk.mock/izin/\(number.suffix(6))" }

    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> PackageCreated {
        try state.checkSender(sender, of: try state.account(user), otp: false)
        guard let normalized = number.nr.normalized else { throw NodeAPIError.invalid("number.nr", "is not a Turkish mobile number") }
        var text = PersonalisedText(template: content, fields: number.cfs.keys).text(with: number.cfs)
        text = text.replacingOccurrences(of: Self.shortLinkTag, with: Self.link(for: normalized))
        return try state.store(user: user, PackageDraft(
            recipients: [(number.nr, text)], content: content, encoding: encoding ?? .gsm7,
            type: .normal, sender: sender, title: "KVKK", validity: validity ?? FieldRules.defaultOtpValidity,
            commercial: false, pushURL: pushSettings?.url, customID: nil, periodic: nil, startsAt: now, isScheduled: false
        ), now: now)
    }
}
