/// Every operation of the Node API v1.8.3. This is the one table of the API: each operation's row (``descriptor``)
/// gives its path, methods, SOAP name, request and reply types, summary and example files, and the codecs, the mock's
/// routes, the clients, the WSDL, the OpenAPI description, the Postman collection and the README follow from it.
public enum NodeAPIOperation: String, Sendable, CaseIterable, Hashable {
    case createSms = "/sms/create"
    case createOtp = "/sms/create-otp"
    case createKvkk = "/sms/create-kvkk"
    case listSms = "/sms/list"
    case listSmsItems = "/sms/list-item"
    case listSenders = "/sms/list-sender"
    case listGateways = "/sms/list-gateway"
    case getMo = "/sms/get-mo"
    case cancelSms = "/sms/cancel"
    case recreateSms = "/sms/recreate"
    case smsSummary = "/sms/summary"
    case inquiryNumber = "/sms/inquiry-number"
    case createContact = "/contact/create"
    case updateContact = "/contact/update"
    case deleteContacts = "/contact/delete"
    case importContacts = "/contact/import"
    case listContacts = "/contact/list"
    case createGroup = "/contact/create-group"
    case updateGroup = "/contact/update-group"
    case deleteGroups = "/contact/delete-group"
    case listGroups = "/contact/list-group"
    case setBlacklist = "/contact/set-blacklist"
    case listMoRequests = "/mo/list-request"
    case userCredit = "/user/credit"

    /// The table's row of an operation.
    public var descriptor: NodeAPIOperationDescriptor {
        switch self {
        case .createSms: .init(CreateSmsRequest.self, .post, soap: "sendSms", "Create an SMS package: one number (sendingType 0), one text to many (1), or a text per number (2)", variants: ["1toN", "NtoN"])
        case .createOtp: .init(CreateOtpRequest.self, .post, soap: "sendOtp", "Send a one-time password to one number")
        case .createKvkk: .init(CreateKvkkRequest.self, .post, "Send the KVKK consent link (SHORT_LINK in the content) to one number")
        case .listSms: .init(ListSmsRequest.self, .getOrPost, soap: "getSmsPackages", "List the packages (at most 3 months between startDate and finishDate)")
        case .listSmsItems: .init(ListSmsItemsRequest.self, .getOrPost, soap: "getSmsPackageItems", "List the numbers of a package, with their states")
        case .listSenders: .init(ListSendersRequest.self, .getOrPost, soap: "getSmsSenders", "List the sender titles of the account")
        case .listGateways: .init(ListGatewaysRequest.self, .getOrPost, "List the account's gateways", parameterless: true, details: """
            List the account's gateways, which /sms/create's gateway names. Not in the document: public clients call it \
            (nac-sms, a Voice Telekom NestJS adapter), with GET and no parameters
            """)
        case .getMo: .init(GetMoRequest.self, .getOrPost, "List the SMS received on the account's short number", details: """
            List the SMS received on the account's short number (MO) between two dates, newest first, each as \
            /mo/list-request lists an opt-out request. Not in the document: a public client calls it (nac-sms getMo)
            """)
        case .cancelSms: .init(CancelSmsRequest.self, .getOrPost, soap: "cancelSmsPackage", "Cancel a scheduled package, or one not yet sending")
        case .recreateSms: .init(RecreateSmsRequest.self, .getOrPost, "Send a package again, as a new package")
        case .smsSummary: .init(SmsSummaryRequest.self, .getOrPost, "Sum the packages of a period up")
        case .inquiryNumber: .init(InquiryNumberRequest.self, .getOrPost, "What was sent to one number in a period (at most 3 months)")
        case .createContact: .init(CreateContactRequest.self, .post, "Add a contact to the address book", details: """
            Add a contact to the address book and answer it; with uuid, update that contact as /contact/update does and \
            answer {"status":1}, as the document says
            """)
        case .updateContact: .init(UpdateContactRequest.self, .post, "Change a contact")
        case .deleteContacts: .init(DeleteContactsRequest.self, .post, "Delete contacts, or take them out of a group")
        case .importContacts: .init(ImportContactsRequest.self, .post, "Import contacts from CSV text")
        case .listContacts: .init(ListContactsRequest.self, .getOrPost, "List the contacts")
        case .createGroup: .init(CreateGroupRequest.self, .post, "Create a contact group", details: """
            Create a contact group and answer it; with uuid, update that group as /contact/update-group does and answer \
            {"status":1}, as the document says
            """)
        case .updateGroup: .init(UpdateGroupRequest.self, .post, "Change a contact group")
        case .deleteGroups: .init(DeleteGroupsRequest.self, .post, "Delete contact groups")
        case .listGroups: .init(ListGroupsRequest.self, .getOrPost, "List the contact groups")
        case .setBlacklist: .init(SetBlacklistRequest.self, .post, "Put numbers on the black list, or take them off")
        case .listMoRequests: .init(ListMoRequestsRequest.self, .getOrPost, "List the opt-out requests received by SMS")
        case .userCredit: .init(UserCreditRequest.self, .getOrPost, soap: "getUserCredit", "Read the account's credit", parameterless: true)
        }
    }

    /// The JSON endpoint's path.
    public var path: String { rawValue }

    /// The SOAP operation (body element and `SOAPAction`), for the seven the document defines.
    public var soapName: String? { descriptor.soapName }

    /// Whether clients may also call it with `GET` (the document's "GET / POST").
    public var allowsGET: Bool { descriptor.methods == .getOrPost }

    /// Whether the request has no parameters (an empty body is then accepted).
    public var isParameterless: Bool { descriptor.isParameterless }

    public var requestType: any NodeAPIRequest.Type { descriptor.requestType }

    /// The document's example requests of the operation (`Tests/NodeAPIJSONTests/Golden/<name>.request.json`): one
    /// named after the path (`sms-create`), then its variants (`sms-create-1toN`).
    public var exampleNames: [String] {
        let name = path.split(separator: "/").joined(separator: "-")
        return [name] + descriptor.variants.map { "\(name)-\($0)" }
    }

    /// The operations with a SOAP face.
    public static let soapOperations: [NodeAPIOperation] = allCases.filter { $0.soapName != nil }

    private static let bySOAPName: [String: NodeAPIOperation] = Dictionary(
        soapOperations.map { ($0.soapName ?? "", $0) }, uniquingKeysWith: { first, _ in first }
    )

    public init?(path: String) { self.init(rawValue: path) }

    public init?(soapName: String) {
        guard let match = Self.bySOAPName[soapName] else { return nil }
        self = match
    }
}

/// One row of ``NodeAPIOperation``'s table.
public struct NodeAPIOperationDescriptor: Sendable {
    /// The HTTP methods of the JSON endpoint.
    public enum Methods: Sendable, Equatable {
        /// Writes: `POST` only.
        case post
        /// The document's "GET / POST": reads, whose parameters may also come as a query.
        case getOrPost
    }

    public let requestType: any NodeAPIRequest.Type
    public let methods: Methods
    /// The SOAP operation (body element and `SOAPAction`), where the document defines one.
    public let soapName: String?
    /// One line on what the call does.
    public let summary: String
    /// What more there is to say than the summary (the OpenAPI description's text), if anything.
    public let details: String?
    /// The document's example requests beyond the first (see ``NodeAPIOperation/exampleNames``).
    public let variants: [String]
    /// The request has no parameters (an empty body is then accepted).
    public let isParameterless: Bool

    /// The `data` of a successful reply.
    public var replyType: any (Codable & Sendable).Type { requestType.replyType }

    init(
        _ requestType: any NodeAPIRequest.Type, _ methods: Methods, soap soapName: String? = nil, _ summary: String, variants: [String] = [],
        parameterless isParameterless: Bool = false, details: String? = nil
    ) {
        self.details = details
        self.requestType = requestType
        self.methods = methods
        self.soapName = soapName
        self.summary = summary
        self.variants = variants
        self.isParameterless = isParameterless
    }
}

extension NodeAPIRequest {
    /// The `data` of a successful reply, as a value.
    public static var replyType: any (Codable & Sendable).Type { Reply.self }
}
