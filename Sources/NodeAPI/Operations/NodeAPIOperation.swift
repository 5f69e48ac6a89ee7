/// Every operation of the Node API v1.8.3: its JSON path, its SOAP name where the document gives one,
/// and its request and reply types. This is the one table the codecs, the WSDL test and the mock read.
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

    /// The JSON endpoint's path.
    public var path: String { rawValue }

    /// The SOAP operation (body element and `SOAPAction`), for the seven the document defines.
    public var soapName: String? {
        switch self {
        case .createSms: "sendSms"
        case .createOtp: "sendOtp"
        case .listSms: "getSmsPackages"
        case .listSmsItems: "getSmsPackageItems"
        case .listSenders: "getSmsSenders"
        case .cancelSms: "cancelSmsPackage"
        case .userCredit: "getUserCredit"
        default: nil
        }
    }

    /// Whether clients may also call it with `GET` (the document's "GET / POST").
    public var allowsGET: Bool {
        switch self {
        case .createSms, .createOtp, .createKvkk, .createContact, .updateContact, .deleteContacts,
             .importContacts, .createGroup, .updateGroup, .deleteGroups, .setBlacklist:
            false
        default:
            true
        }
    }

    /// Whether the request has no parameters (an empty body is then accepted).
    public var isParameterless: Bool { self == .userCredit || self == .listGateways }

    public var requestType: any NodeAPIRequest.Type {
        switch self {
        case .createSms: CreateSmsRequest.self
        case .createOtp: CreateOtpRequest.self
        case .createKvkk: CreateKvkkRequest.self
        case .listSms: ListSmsRequest.self
        case .listSmsItems: ListSmsItemsRequest.self
        case .listSenders: ListSendersRequest.self
        case .listGateways: ListGatewaysRequest.self
        case .getMo: GetMoRequest.self
        case .cancelSms: CancelSmsRequest.self
        case .recreateSms: RecreateSmsRequest.self
        case .smsSummary: SmsSummaryRequest.self
        case .inquiryNumber: InquiryNumberRequest.self
        case .createContact: CreateContactRequest.self
        case .updateContact: UpdateContactRequest.self
        case .deleteContacts: DeleteContactsRequest.self
        case .importContacts: ImportContactsRequest.self
        case .listContacts: ListContactsRequest.self
        case .createGroup: CreateGroupRequest.self
        case .updateGroup: UpdateGroupRequest.self
        case .deleteGroups: DeleteGroupsRequest.self
        case .listGroups: ListGroupsRequest.self
        case .setBlacklist: SetBlacklistRequest.self
        case .listMoRequests: ListMoRequestsRequest.self
        case .userCredit: UserCreditRequest.self
        }
    }

    /// The operations with a SOAP face.
    public static var soapOperations: [NodeAPIOperation] { allCases.filter { $0.soapName != nil } }

    public init?(path: String) { self.init(rawValue: path) }

    public init?(soapName: String) {
        guard let match = Self.allCases.first(where: { $0.soapName == soapName }) else { return nil }
        self = match
    }
}
