import NodeAPI

/// One read of the Node API's contract: a typed request, what the check is called, and the documented error it must
/// get (`nil`: a success). `provider-mock check` runs each on each face; the Postman collection's contract folder is
/// generated from the ones that expect an error, so both read this one table.
public struct NodeAPIContractCase: Sendable {
    public let name: String
    public let request: any NodeAPIRequest
    public let expecting: ErrorCode?
    /// Sent with a wrong password: the account's, with ``wrongPasswordSuffix`` after it.
    public let wrongPassword: Bool

    /// What a wrong password adds to the right one.
    public static let wrongPasswordSuffix = "-yanlış"

    init(_ request: any NodeAPIRequest, _ name: String, expecting: ErrorCode? = nil, wrongPassword: Bool = false) {
        self.request = request
        self.name = name
        self.expecting = expecting
        self.wrongPassword = wrongPassword
    }

    /// The reads, then the documented bad inputs; none writes.
    public static let all: [NodeAPIContractCase] = [
        .init(UserCreditRequest(), "reads the account's credit"),
        .init(ListSendersRequest(), "lists the senders"),
        .init(ListSmsRequest(), "lists the packages"),
        .init(SmsSummaryRequest(), "sums the packages up"),
        .init(ListContactsRequest(), "lists the contacts"),
        .init(ListGroupsRequest(), "lists the groups"),
        .init(ListMoRequestsRequest(), "lists the opt-out requests"),
        .init(UserCreditRequest(), "wrong credentials are ERR_UNAUTHORIZED_REQUEST", expecting: .unauthorizedRequest, wrongPassword: true),
        .init(ListSmsItemsRequest(package: .id(1)), "an unknown package is ERR_SMS_PKG_NOT_FOUND", expecting: .sms06),
        .init(ListSmsRequest(paging: Paging(pageSize: 5)), "a page size of 5 is ERR_INVALID_PARAM", expecting: .invalidParam),
        .init(
            InquiryNumberRequest(gsm: "905551230011", startDate: WireDate("2025-01-01 00:00"), finishDate: WireDate("2025-06-01 00:00")),
            "a range over 3 months is SMS31", expecting: .sms31
        ),
    ]
}
