import NodeAPI

/// The admin API's changes to the Node API's accounts at run time (`/__admin/node-api/…`): what an operator of the real
/// service does from its panel, such as a credit top-up or a sender's approval.
extension NodeAPIState {
    /// Adds `amount` (negative takes credit away, never below 0), or sets the credit to `exactly`; the credit after.
    package mutating func changeCredit(of user: String, add amount: Int?, exactly: Int?) throws(Refusal) -> Int {
        guard var account = accounts[user] else { throw Refusal(status: 404, field: "user", message: "there is no account '\(user)'") }
        switch (amount, exactly) {
        case (.some(let amount), nil):
            guard amount.magnitude <= Self.maxCreditChange.magnitude else { throw Refusal(status: 400, field: "add", message: "must be within ±\(Self.maxCreditChange)") }
            account.credit = max(0, min(account.credit + amount, Self.maxCreditChange))
        case (nil, .some(let credit)):
            guard (0...Self.maxCreditChange).contains(credit) else { throw Refusal(status: 400, field: "credit", message: "must be from 0 to \(Self.maxCreditChange)") }
            account.credit = credit
        default:
            throw Refusal(status: 400, field: "add", message: "give add (a change) or credit (the new amount), one of them")
        }
        accounts[user] = account
        return account.credit
    }

    /// Credit bound of the admin's changes: a billion, so that no sum overflows.
    package static let maxCreditChange = 1_000_000_000

    /// Senders an account may have: real ones have a handful, and each admin change answers the whole list.
    package static let maxSenders = 1000

    /// Sets a sender's state (and OTP approval), adding the sender when the account has none of that title; the
    /// account's senders after.
    package mutating func setSender(of user: String, title: String, state: SenderState, otpApproved: Bool?) throws(Refusal) -> [SenderRecord] {
        guard var account = accounts[user] else { throw Refusal(status: 404, field: "user", message: "there is no account '\(user)'") }
        guard (1...11).contains(title.count), title.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "." || $0 == "-" }) else {
            throw Refusal(status: 400, field: "title", message: "'\(title)' is not a sender title (1 to 11 letters, digits, spaces, dots or dashes)")
        }
        if let index = account.senders.firstIndex(where: { $0.title == title }) {
            account.senders[index].state = state
            if let otpApproved { account.senders[index].otpApproved = otpApproved }
        } else {
            guard account.senders.count < Self.maxSenders else {
                throw Refusal(status: 409, field: "title", message: "the account has \(Self.maxSenders) senders, the most the mock keeps")
            }
            account.senders.append(SenderRecord(uuid: random.uuid(), title: title, state: state, otpApproved: otpApproved ?? false))
        }
        accounts[user] = account
        return account.senders
    }
}
