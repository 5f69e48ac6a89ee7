import NodeAPI

/// `/sms/recreate`: a complete or wholly failed package sent again as a new one (`SMS07` otherwise), charged again.
/// Packages are not tied to contact groups here, so `includeNewNumbers` adds no one.
extension RecreateSmsRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> PackageCreated {
        let id = try state.packages.id(of: package, user: user)
        guard let original = state.packages[id] else { throw NodeAPIError(.sms06) }
        let packageState = original.state(at: now)
        guard [.complete, .sendingFailed, .creationFailed, .rejectedByOperator].contains(packageState) else {
            throw NodeAPIError(.sms07, detail: "package \(id) is \(packageState); only complete or failed packages can be recreated")
        }
        try state.checkSender(original.sender, of: try state.account(user), otp: original.type == .otp)
        return try state.store(user: user, PackageDraft(
            recipients: original.items.map { (GSMNumber($0.target), $0.msg) }, content: original.content,
            encoding: original.encoding, type: original.type, sender: original.sender, title: title, validity: original.validity,
            commercial: original.commercial, pushURL: original.pushURL, customID: nil, periodic: original.periodic,
            startsAt: now, isScheduled: false, isResend: true
        ), now: now)
    }
}
