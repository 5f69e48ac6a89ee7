import EuromsgExpress

/// What happens to a campaign's message, chosen by a magic tag in the recipient's address, like the Node
/// API's magic numbers: `name+hardbounce@…`, `+softbounce`, `+open`, `+click`, `+spam`, `+unsubscribe`.
/// Any other address is delivered (`Sent`) and not opened. The table is in the README.
enum CampaignOutcomes {
    struct Outcome: Equatable {
        var status: DeliveryStatus = .sent
        var opened = false
        var clicked = false
        var spam = false
        var unsubscribed = false
    }

    static func outcome(for email: String) -> Outcome {
        let local = email.split(separator: "@").first.map { $0.lowercased() } ?? ""
        guard let plus = local.lastIndex(of: "+") else { return Outcome() }
        switch local[local.index(after: plus)...] {
        case "hardbounce": return Outcome(status: .hardBounced)
        case "softbounce": return Outcome(status: .softBounced)
        case "open": return Outcome(opened: true)
        case "click": return Outcome(opened: true, clicked: true)
        // A spam complaint also takes the member off the lists, as a complaint does in the panel.
        case "spam": return Outcome(opened: true, spam: true, unsubscribed: true)
        case "unsubscribe": return Outcome(opened: true, unsubscribed: true)
        default: return Outcome()
        }
    }
}
