import WireCoding

/// Every call of the Euromsg Express gateway: its method, path and summary, the one table that the mock's routes, the
/// client, the conformance check and the descriptions (OpenAPI, Postman, the README) take them from. A path names its
/// one parameter, if any, as OpenAPI does (`/member/{memberId}`).
public enum ExpressOperation: String, Sendable, Hashable, CaseIterable {
    case issueToken, healthCheck, identify, identifyByPath
    case createList, listLists, getList, renameList, deleteList
    case addMember, queryMembers, getMember, updateMember, updateMemberByPath, deleteMember
    case listCampaigns, getCampaign, campaignReport, campaignReportDetail

    /// The table's row of a call.
    public var descriptor: ExpressOperationDescriptor {
        switch self {
        case .issueToken: .init(ExpressTokenRequest.self, .post, "/tokens", "An integrator's bearer token", endUser: false)
        case .healthCheck: .init(nil, .get, "/health-check", "Whether the gateway is up", endUser: false)
        case .identify: .init(IdentificationRequest.self, .put, "/apiKey/identification", "Bind an end user's API key to the token (in the body, or ?apiKey=)", endUser: false)
        case .identifyByPath: .init(IdentificationRequest.self, .put, "/apiKey/identification/{apiKey}", "Bind an end user's API key to the token", endUser: false)
        case .createList: .init(CreateListRequest.self, .post, "/email-list", "Create an e-mail list")
        case .listLists: .init(ListListsRequest.self, .get, "/email-list", "The lists, by name if given")
        case .getList: .init(GetListRequest.self, .get, "/email-list/{id}", "One list")
        case .renameList: .init(RenameListRequest.self, .patch, "/email-list/{id}", "Rename a list")
        case .deleteList: .init(DeleteListRequest.self, .delete, "/email-list/{id}", "Delete a list")
        case .addMember: .init(AddMemberRequest.self, .post, "/member", "Add a member to a list (200 when the address was already a member elsewhere, 201 when new)")
        case .queryMembers: .init(QueryMembersRequest.self, .get, "/member", "One member by e-mail, or a list's members a page at a time (changed since a date, if given)")
        case .updateMember: .init(UpdateMemberRequest.self, .patch, "/member", "Change a member named by memberId in the body")
        case .getMember: .init(GetMemberRequest.self, .get, "/member/{memberId}", "One member")
        case .updateMemberByPath: .init(UpdateMemberRequest.self, .patch, "/member/{memberId}", "Change a member")
        case .deleteMember: .init(DeleteMemberRequest.self, .delete, "/member/{memberId}", "Delete a member")
        case .listCampaigns: .init(ListCampaignsRequest.self, .get, "/campaign", "The campaigns")
        case .getCampaign: .init(GetCampaignRequest.self, .get, "/campaign/{id}", "One campaign")
        case .campaignReport: .init(CampaignReportRequest.self, .get, "/campaign-report", "A campaign's totals, in all and per list")
        case .campaignReportDetail: .init(CampaignReportDetailRequest.self, .get, "/campaign-report-detail", "A campaign's deliveries, one per member, a page at a time")
        }
    }

    /// The call's HTTP method.
    public var method: Method { descriptor.method }

    /// The call's path, its parameter in braces.
    public var path: String { descriptor.path }

    /// The path's parameter, if it has one (always its last part).
    public var parameter: String? { PathTemplate(path).parameter }

    /// The path with its parameter given.
    public func path(_ value: some CustomStringConvertible) -> String { PathTemplate(path).filled(value) }

    /// Whether the call needs an end user's session (the integrator's token bound to an API key by `identify`).
    public var needsEndUser: Bool { descriptor.needsEndUser }

    /// `"METHOD /path"`, as a route or a check names the call.
    public var description: String { "\(method.rawValue) \(path)" }

    /// The methods the gateway's calls use.
    public enum Method: String, Sendable, Hashable {
        case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
    }
}

/// One row of ``ExpressOperation``'s table.
public struct ExpressOperationDescriptor: Sendable {
    public let method: ExpressOperation.Method
    /// The path, its parameter in braces.
    public let path: String
    /// One line on what the call does.
    public let summary: String
    /// Whether the call needs an end user's session.
    public let needsEndUser: Bool
    /// What the call carries (its path's parameter, its query, its body), as the mock's rule reads it; nil for a call
    /// that carries nothing.
    public let requestType: (any Sendable.Type)?

    init(_ requestType: (any Sendable.Type)?, _ method: ExpressOperation.Method, _ path: String, _ summary: String, endUser needsEndUser: Bool = true) {
        self.requestType = requestType
        self.method = method
        self.path = path
        self.summary = summary
        self.needsEndUser = needsEndUser
    }
}
