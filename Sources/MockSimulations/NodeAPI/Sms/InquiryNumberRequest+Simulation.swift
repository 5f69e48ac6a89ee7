import NodeAPI
import WireCoding

/// `/sms/inquiry-number`: the SMS a number was sent by this user, within the range (the last month when none is given;
/// at most three months, else `SMS31`), optionally from one sender; newest first.
extension InquiryNumberRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> Page<NumberInquiryRecord> {
        let account = try state.account(user)
        guard let number = gsm.normalized else { throw NodeAPIError.invalid("gsm", "is not a Turkish mobile number") }
        let finish = finishDate.map(TurkeyTime.milliseconds) ?? now
        let start = startDate.map(TurkeyTime.milliseconds) ?? TurkeyTime.milliseconds(TurkeyTime.date(finish).adding(months: -1))
        // Both given, the model refused this already; a startDate after now with no finishDate is caught here.
        if finish < start {
            throw NodeAPIError(.sms31, detail: finishDate == nil ? "startDate is after now, where the range ends when finishDate is not given" : "finishDate is before startDate")
        }
        if TurkeyTime.milliseconds(TurkeyTime.date(start).adding(months: FieldRules.inquiryRangeMonths)) < finish {
            throw NodeAPIError(.sms31, detail: "the range is longer than \(FieldRules.inquiryRangeMonths) months")
        }
        var records: [NumberInquiryRecord] = []
        for package in state.packages.newestFirst(of: user) where (start...finish).contains(package.startsAt) {
            if let sender, package.sender != sender { continue }
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
