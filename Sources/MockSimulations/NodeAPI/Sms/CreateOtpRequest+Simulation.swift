import NodeAPI

/// `/sms/create-otp`: one number, only from a sender approved for OTP.
extension CreateOtpRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> PackageCreated {
        let account = try state.account(user)
        try state.checkSender(sender, of: account, otp: true, gateway: extras.gateway)
        if commercial == true, !account.hasIysSettings { throw NodeAPIError(.sms30) }
        try state.packages.checkCustomID(customID, of: user)
        return try state.store(user: user, PackageDraft(
            recipients: [(number, nil)], content: content, encoding: encoding ?? .gsm7, type: .otp,
            sender: sender, title: "OTP", validity: validity ?? FieldRules.defaultOtpValidity,
            commercial: commercial ?? false, pushURL: pushSettings?.url, customID: customID,
            periodic: nil, startsAt: now, isScheduled: false
        ), now: now)
    }
}
