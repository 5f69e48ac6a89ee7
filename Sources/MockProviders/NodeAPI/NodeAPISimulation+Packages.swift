import NodeAPI

/// The package operations built on sending: the KVKK consent message, recreating a package, and the
/// inquiry of what went to a number.
extension NodeAPISimulation {
    /// The link the mock writes over `SHORT_LINK` in a KVKK message.
    public static func kvkkLink(for number: String) -> String { "https://kvkk.mock/izin/\(number.suffix(6))" }

    /// `/sms/create-kvkk`: `FIRST_NAME`, `LAST_NAME` (and any other custom field) and `SHORT_LINK` are
    /// filled in for the recipient; the credit is that of the text actually sent.
    public func createKvkk(for user: String, _ request: CreateKvkkRequest) throws(NodeAPIError) -> PackageCreated {
        let now = clock.now()
        try request.validate()
        try checkSender(request.sender, of: try account(user), otp: false)
        guard let number = request.number.nr.normalized else { throw NodeAPIError.invalid("number.nr", "is not a Turkish mobile number") }
        var text = PersonalisedText(template: request.content, fields: request.number.cfs.keys).text(with: request.number.cfs)
        text = text.replacingOccurrences(of: CreateKvkkRequest.shortLinkTag, with: Self.kvkkLink(for: number))
        return try store(user: user, PackageDraft(
            recipients: [(request.number.nr, text)], content: request.content, encoding: request.encoding ?? .gsm7,
            type: .normal, sender: request.sender, title: "KVKK", validity: request.validity ?? FieldRules.defaultOtpValidity,
            commercial: false, pushURL: request.pushSettings?.url, customID: nil, periodic: nil, startsAt: now, isScheduled: false
        ), now: now)
    }

    /// `/sms/recreate`: a complete or wholly failed package sent again as a new one (`SMS07` otherwise),
    /// charged again. Packages are not tied to contact groups here, so `includeNewNumbers` adds no one.
    public func recreate(for user: String, _ request: RecreateSmsRequest) throws(NodeAPIError) -> PackageCreated {
        let now = clock.now()
        try request.validate()
        let id = try packageID(request.package, of: user)
        guard let original = packages[id] else { throw NodeAPIError(.sms06) }
        let state = original.state(at: now)
        guard [.complete, .sendingFailed, .creationFailed, .rejectedByOperator].contains(state) else {
            throw NodeAPIError(.sms07, detail: "package \(id) is \(state); only complete or failed packages can be recreated")
        }
        try checkSender(original.sender, of: try account(user), otp: original.type == .otp)
        return try store(user: user, PackageDraft(
            recipients: original.items.map { (GSMNumber($0.target), $0.msg) }, content: original.content,
            encoding: original.encoding, type: original.type, sender: original.sender, title: request.title, validity: original.validity,
            commercial: original.commercial, pushURL: original.pushURL, customID: nil, periodic: original.periodic,
            startsAt: now, isScheduled: false, isResend: true
        ), now: now)
    }

    /// `/sms/inquiry-number`: the SMS a number was sent by this user, within the range (the last month
    /// when none is given; at most three months, else `SMS31`), optionally from one sender; newest first.
    public func inquiry(for user: String, _ request: InquiryNumberRequest) throws(NodeAPIError) -> Page<NumberInquiryRecord> {
        let now = clock.now()
        try request.validate()
        let account = try account(user)
        guard let number = request.gsm.normalized else { throw NodeAPIError.invalid("gsm", "is not a Turkish mobile number") }
        let finish = request.finishDate.map(TurkeyTime.milliseconds) ?? now
        let start = request.startDate.map(TurkeyTime.milliseconds) ?? TurkeyTime.milliseconds(TurkeyTime.date(finish).adding(months: -1))
        // Both given, the model refused this already; a startDate after now with no finishDate is caught here.
        if finish < start {
            throw NodeAPIError(.sms31, detail: request.finishDate == nil ? "startDate is after now, where the range ends when finishDate is not given" : "finishDate is before startDate")
        }
        if TurkeyTime.milliseconds(TurkeyTime.date(start).adding(months: FieldRules.inquiryRangeMonths)) < finish {
            throw NodeAPIError(.sms31, detail: "the range is longer than \(FieldRules.inquiryRangeMonths) months")
        }
        var records: [NumberInquiryRecord] = []
        for id in (packagesByOwner[user] ?? []).reversed() {
            guard let package = packages[id], (start...finish).contains(package.startsAt) else { continue }
            if let sender = request.sender, package.sender != sender { continue }
            for item in package.items where item.target == number {
                let view = package.view(item, at: now)
                records.append(NumberInquiryRecord(
                    userUUID: account.userUUID, username: account.username, sender: package.sender, encoding: package.encoding,
                    validity: package.validity, sendingDate: view.sendingDate, pkgID: package.id, pkgType: package.type,
                    state: view.state, msg: item.msg ?? package.content ?? "", operator: item.operator, deliveryDate: view.deliveryDate
                ))
            }
        }
        return Page(totalRecord: records.count, list: records)
    }
}
