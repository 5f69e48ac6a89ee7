import NodeAPI
import WireCoding

/// `/sms/create`: a package to one number, one text to many, one text each, or a template filled per number.
extension CreateSmsRequest: NodeAPITransition {
    /// The field rules, and a `sendingDate` in the past is `SMS08`.
    package func validate(at now: Int64) throws(NodeAPIError) {
        try validate(now: TurkeyTime.date(now, style: .minutes))
    }

    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> PackageCreated {
        let account = try state.account(user)
        try state.checkSender(sender, of: account, otp: false, gateway: extras.gateway)
        if commercial == true, !account.hasIysSettings { throw NodeAPIError(.sms30) }
        try state.packages.checkCustomID(customID, of: user)
        let recipients: [(number: GSMNumber, msg: String?)] = switch self.recipients {
        case .single(let number): [(number, nil)]
        case .oneToMany(let numbers): numbers.map { ($0, nil) }
        case .manyToMany(let messages): messages.map { ($0.nr, $0.msg) }
        case .personalised(let fields, let numbers): Self.personalised(numbers, fields: fields, content: content ?? "")
        }
        let startsAt = sendingDate.map(TurkeyTime.milliseconds) ?? now
        return try state.store(user: user, PackageDraft(
            recipients: recipients, content: content, encoding: encoding ?? .gsm7, type: type,
            sender: sender, title: title, validity: validity ?? FieldRules.defaultValidity,
            commercial: commercial ?? false, pushURL: pushSettings?.url, customID: customID,
            periodic: periodicSettings, startsAt: max(startsAt, now), isScheduled: sendingDate != nil,
            recipientType: extras.recipientType
        ), now: now)
    }

    /// Each recipient with the content as they get it; the content is cut into text and fields once.
    static func personalised(_ numbers: [PersonalisedNumber], fields: [String], content: String) -> [(number: GSMNumber, msg: String?)] {
        let template = PersonalisedText(template: content, fields: fields)
        return numbers.map { ($0.nr, template.text(with: $0.cfs)) }
    }
}
