import Hummingbird
import MockAdmin
import MockRecording
@_spi(MockInternals) import MockSimulations

/// `GET` and `DELETE /__admin/requests`: the journal of what reached each mock, and what it answered.
extension AdminRoutes {
    func registerJournal<Context: RequestContext>(on router: Router<Context>) {
        router.on(.listRequests) { request, _ in
            await reply { () throws(AdminModels.Failure) in try requests(request.firstQueryValues) }
        }
        router.on(.clearRequests) { request, _ in
            do throws(AdminModels.Failure) {
                let chosen = try Self.providers(request.firstQueryValues["provider"])
                for (provider, journal) in journals where chosen.contains(provider) { journal.clear() }
                return Response(status: .noContent)
            } catch {
                return Self.failure(error).response
            }
        }
    }

    /// Newest first across the providers asked for; `path` is exact, or a prefix when it ends with `*`. Credentials are
    /// redacted as a recording's are (``CredentialRedaction``): the journal is readable by every job sharing the mock.
    func requests(_ query: [String: String]) throws(AdminModels.Failure) -> AdminModels.Requests {
        let limit = try Self.limit(query, default: 100)
        let since = try query["since"].map { text throws(AdminModels.Failure) in try AdminModels.milliseconds(iso: text, field: "since") }
        let chosen = try Self.providers(query["provider"])
        let path = query["path"]
        let matches: (RequestJournal.Entry) -> Bool = { entry in
            if let since, entry.time < since { return false }
            if let user = query["user"], entry.user != user { return false }
            if let path {
                if path.hasSuffix("*") { return entry.path.hasPrefix(path.dropLast()) }
                return entry.path == path
            }
            return true
        }
        var found: [(provider: ProviderMocks.Provider, entry: RequestJournal.Entry)] = []
        for (provider, journal) in journals where chosen.contains(provider) {
            for entry in journal.entries() where matches(entry) { found.append((provider, entry)) }
        }
        found.sort { ($0.entry.time, $0.entry.sequence) > ($1.entry.time, $1.entry.sequence) }
        let requests = found.prefix(limit).map { provider, entry in
            AdminModels.Request(
                provider: provider.rawValue, sequence: entry.sequence, time: ISOTime.string(entry.time), method: entry.method, path: entry.path,
                query: entry.query.map(CredentialRedaction.query), user: entry.user, status: entry.status,
                requestBody: String(decoding: entry.isRedacted ? entry.requestBody : CredentialRedaction.body(entry.requestBody), as: UTF8.self),
                requestHeaders: Dictionary(entry.requestHeaders.map { ($0.name.rawName, CredentialRedaction.header(name: $0.name.rawName, value: $0.value)) }) {
                    "\($0), \($1)"
                },
                contentType: entry.contentType,
                responseBody: String(decoding: entry.isRedacted ? entry.responseBody : CredentialRedaction.body(entry.responseBody), as: UTF8.self), warnings: entry.warnings
            )
        }
        return AdminModels.Requests(requests: requests, matched: found.count)
    }
}
