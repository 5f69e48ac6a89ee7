import EuromsgExpress
import Foundation
import NIOHTTP1
import WireCoding

/// A client of the Euromsg Express CRM/ERP gateway for one end user: it takes the integrator's token,
/// identifies the end user's API key with it, and renews both when the token expires (ahead of time, or on a
/// 401 once). Concurrent calls share one token request.
public actor EuromsgExpressClient {
    public struct Configuration: Sendable, Hashable {
        public var baseURL: String
        public var clientName: String
        public var password: String
        /// The end user's API key (panel: Ana Sayfa > API > API Anahtarı).
        public var apiKey: String
        public var refreshMargin: Duration

        public init(baseURL: String, clientName: String, password: String, apiKey: String, refreshMargin: Duration = .seconds(60)) {
            self.baseURL = ProviderHTTP.baseURL(baseURL)
            self.clientName = clientName
            self.password = password
            self.apiKey = apiKey
            self.refreshMargin = refreshMargin
        }
    }

    public let configuration: Configuration
    let http: ProviderHTTP
    let now: @Sendable () -> Date
    let sessions = SharedCredential<Session>()
    public private(set) var tokenRequests = 0

    public init(_ configuration: Configuration, http: ProviderHTTP = ProviderHTTP(), now: @escaping @Sendable () -> Date = Date.init) {
        self.configuration = configuration
        self.http = http
        self.now = now
    }

    // MARK: Calls

    /// The end user's identification: name, İYS integrator or not, sending rights.
    public func identification() async throws(ExpressClientError) -> Identification { try await validSession().identity }

    public func lists(named name: String? = nil) async throws(ExpressClientError) -> [EmailList] {
        try await call(.listLists, query: Self.query(["name": name]))
    }

    public func createList(_ name: String) async throws(ExpressClientError) -> EmailList { try await call(.createList, EmailListName(name: name)) }

    public func renameList(_ id: Int, to name: String) async throws(ExpressClientError) -> EmailList {
        try await call(.renameList, of: id, EmailListName(name: name))
    }

    public func deleteList(_ id: Int) async throws(ExpressClientError) { try await callEmpty(.deleteList, of: id) }

    public func addMember(_ request: AddMemberRequest) async throws(ExpressClientError) -> Member { try await call(.addMember, request) }

    public func members(ofList listId: Int, updatedAfter: ExpressDateTime? = nil, paging: ExpressPaging = ExpressPaging()) async throws(ExpressClientError) -> ExpressPage<Member> {
        try await call(.queryMembers, query: Self.query([
            "listId": "\(listId)", "updatedAfter": updatedAfter?.description, "page": "\(paging.page)", "pageSize": "\(paging.pageSize)",
        ]))
    }

    public func member(email: String) async throws(ExpressClientError) -> Member { try await call(.queryMembers, query: Self.query(["email": email])) }

    public func updateMember(_ memberId: Int, _ update: UpdateMemberRequest) async throws(ExpressClientError) -> Member {
        try await call(.updateMemberByPath, of: memberId, update)
    }

    public func deleteMember(_ memberId: Int) async throws(ExpressClientError) { try await callEmpty(.deleteMember, of: memberId) }

    public func campaigns(_ query: CampaignQuery = CampaignQuery()) async throws(ExpressClientError) -> [Campaign] {
        try await call(.listCampaigns, query: Self.query(["id": query.id.map(String.init), "name": query.name, "status": query.status?.rawValue]))
    }

    public func report(_ query: ReportQuery) async throws(ExpressClientError) -> CampaignReport { try await call(.campaignReport, query: Self.query(query)) }

    public func reportDetail(_ query: ReportQuery) async throws(ExpressClientError) -> ExpressPage<ReportDetail> {
        try await call(.campaignReportDetail, query: Self.query(query))
    }

    // MARK: Plumbing

    /// A call of the table (``ExpressOperation``): its path with `parameter` and `query`, its reply decoded.
    func call<Reply: Decodable>(
        _ operation: ExpressOperation, of parameter: Int? = nil, query: String = "", _ body: (some Encodable)? = Optional<Int>.none
    ) async throws(ExpressClientError) -> Reply {
        let reply = try await exchange(HTTPMethod(operation.method), Self.path(operation, parameter, query), body)
        do { return try ExpressJSON.decode(Reply.self, from: reply.body) } catch { throw .unreadableReply(status: reply.status, detail: error.message) }
    }

    func callEmpty(_ operation: ExpressOperation, of parameter: Int? = nil) async throws(ExpressClientError) {
        _ = try await exchange(HTTPMethod(operation.method), Self.path(operation, parameter, ""), Optional<Int>.none)
    }

    static func path(_ operation: ExpressOperation, _ parameter: Int?, _ query: String) -> String {
        (parameter.map { operation.path($0) } ?? operation.path) + query
    }

    /// One call in the session; a 401 renews the session once and repeats it. Errors in the gateway's shape throw.
    func exchange(_ method: HTTPMethod, _ path: String, _ body: (some Encodable)?) async throws(ExpressClientError) -> ProviderHTTP.Reply {
        var bytes: [UInt8]?
        if let body { do { bytes = try ExpressJSON.encode(body) } catch { throw .provider(error) } }
        var reply = try await send(method, path, bytes, token: try await validSession().token)
        if reply.status == 401 {
            await sessions.forget()
            reply = try await send(method, path, bytes, token: try await validSession().token)
        }
        guard (200..<300).contains(reply.status) else {
            if let error = try? ExpressJSON.decode(ExpressError.self, from: reply.body) { throw .provider(error) }
            throw .unreadableReply(status: reply.status, detail: String(decoding: reply.body.prefix(200), as: UTF8.self))
        }
        return reply
    }

    func send(_ method: HTTPMethod, _ path: String, _ body: [UInt8]?, token: String) async throws(ExpressClientError) -> ProviderHTTP.Reply {
        var headers = [("Authorization", "Bearer \(token)")]
        if body != nil { headers.append(("Content-Type", "application/json; charset=utf-8")) }
        do { return try await http.send(method, configuration.baseURL + path, headers: headers, body: body) } catch { throw .transport(error) }
    }

    /// A session: the integrator's token and the end user's identification made with it.
    struct Session: Sendable {
        var token: String
        var identity: Identification
    }

    /// The current session, or a new one; concurrent callers share one opening.
    func validSession() async throws(ExpressClientError) -> Session {
        do {
            return try await sessions.value(at: now(), margin: configuration.refreshMargin) { try await self.openSession() }
        } catch let error as ExpressClientError {
            throw error
        } catch {
            throw .transport(TransportError(kind: .connection, detail: "\(error)"))
        }
    }

    /// `POST /tokens`, then `PUT /apiKey/identification` with the end user's key.
    func openSession() async throws(ExpressClientError) -> (value: Session, expiresAt: Date) {
        tokenRequests += 1
        let credentials = ExpressTokenRequest(clientName: configuration.clientName, password: configuration.password)
        let token: ExpressToken = try await sessionCall(.issueToken, credentials, bearer: nil)
        let identity: Identification = try await sessionCall(.identify, IdentificationRequest(apiKey: configuration.apiKey), bearer: token.tokenValue)
        return (Session(token: token.tokenValue, identity: identity), Self.date(token.expireTime))
    }

    /// One call of the session's opening: JSON in, JSON out, errors in the gateway's shape.
    func sessionCall<Reply: Decodable>(_ operation: ExpressOperation, _ body: some Encodable, bearer: String?) async throws(ExpressClientError) -> Reply {
        let (method, path) = (HTTPMethod(operation.method), operation.path)
        let bytes: [UInt8]
        do { bytes = try ExpressJSON.encode(body) } catch { throw .provider(error) }
        var headers = [("Content-Type", "application/json")]
        if let bearer { headers.append(("Authorization", "Bearer \(bearer)")) }
        let reply: ProviderHTTP.Reply
        do { reply = try await http.send(method, configuration.baseURL + path, headers: headers, body: bytes) } catch { throw .transport(error) }
        guard reply.status == 200 else {
            if let error = try? ExpressJSON.decode(ExpressError.self, from: reply.body) { throw .provider(error) }
            throw .unreadableReply(status: reply.status, detail: "\(method) \(path)")
        }
        do { return try ExpressJSON.decode(Reply.self, from: reply.body) } catch { throw .unreadableReply(status: reply.status, detail: error.message) }
    }

    /// A gateway date (Turkish time) as an instant.
    static func date(_ time: ExpressDateTime) -> Date {
        let wall = TurkeyTime.WallTime(year: time.wall.year, month: time.wall.month, day: time.wall.day, hour: time.wall.hour, minute: time.wall.minute, second: time.wall.second)
        return Date(timeIntervalSince1970: Double(TurkeyTime.milliseconds(wall)) / 1000)
    }

    static func query(_ parameters: [String: String?]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let pairs = parameters.compactMap { key, value in
            value.map { "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0)" }
        }.sorted()
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }

    static func query(_ report: ReportQuery) -> String {
        query([
            "campaignId": "\(report.campaignId)", "listId": report.listId.map(String.init), "email": report.email,
            "status": report.status?.rawValue, "opened": report.opened.map(String.init), "clicked": report.clicked.map(String.init),
            "spam": report.spam.map(String.init), "page": "\(report.paging.page)", "pageSize": "\(report.paging.pageSize)",
        ])
    }
}

/// Why a Euromsg Express call did not return data.
public enum ExpressClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The gateway's error body: `errorCode`, `message`, `field`.
    case provider(ExpressError)
    case transport(TransportError)
    case unreadableReply(status: Int, detail: String)

    public var description: String {
        switch self {
        case .provider(let error): "Euromsg Express error \(error)"
        case .transport(let error): "transport error \(error)"
        case .unreadableReply(let status, let detail): "unreadable reply (HTTP \(status)): \(detail)"
        }
    }
}

extension HTTPMethod {
    /// The method of a Euromsg Express call.
    init(_ method: ExpressOperation.Method) { self.init(rawValue: method.rawValue) }
}
