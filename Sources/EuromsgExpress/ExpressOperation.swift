import WireCoding

/// Every call of the Euromsg Express gateway: its method and path, the one list that the mock's routes, the client and
/// the conformance check take them from. A path names its one parameter, if any, as OpenAPI does (`/member/{memberId}`).
public enum ExpressOperation: String, Sendable, Hashable, CaseIterable {
    case issueToken, healthCheck, identify, identifyByPath
    case createList, listLists, getList, renameList, deleteList
    case addMember, queryMembers, getMember, updateMember, updateMemberByPath, deleteMember
    case listCampaigns, getCampaign, campaignReport, campaignReportDetail

    /// The call's HTTP method.
    public var method: Method {
        switch self {
        case .issueToken, .createList, .addMember: .post
        case .healthCheck, .listLists, .getList, .queryMembers, .getMember, .listCampaigns, .getCampaign, .campaignReport, .campaignReportDetail: .get
        case .identify, .identifyByPath: .put
        case .renameList, .updateMember, .updateMemberByPath: .patch
        case .deleteList, .deleteMember: .delete
        }
    }

    /// The call's path, its parameter in braces.
    public var path: String {
        switch self {
        case .issueToken: "/tokens"
        case .healthCheck: "/health-check"
        case .identify: "/apiKey/identification"
        case .identifyByPath: "/apiKey/identification/{apiKey}"
        case .createList, .listLists: "/email-list"
        case .getList, .renameList, .deleteList: "/email-list/{id}"
        case .addMember, .queryMembers, .updateMember: "/member"
        case .getMember, .updateMemberByPath, .deleteMember: "/member/{memberId}"
        case .listCampaigns: "/campaign"
        case .getCampaign: "/campaign/{id}"
        case .campaignReport: "/campaign-report"
        case .campaignReportDetail: "/campaign-report-detail"
        }
    }

    /// The path's parameter, if it has one (always its last part).
    public var parameter: String? { PathTemplate(path).parameter }

    /// The path with its parameter given.
    public func path(_ value: some CustomStringConvertible) -> String { PathTemplate(path).filled(value) }

    /// Whether the call needs an end user's session (the integrator's token bound to an API key by `identify`).
    public var needsEndUser: Bool {
        switch self {
        case .issueToken, .healthCheck, .identify, .identifyByPath: false
        default: true
        }
    }

    /// `"METHOD /path"`, as a route or a check names the call.
    public var description: String { "\(method.rawValue) \(path)" }

    /// The methods the gateway's calls use.
    public enum Method: String, Sendable, Hashable {
        case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
    }
}
