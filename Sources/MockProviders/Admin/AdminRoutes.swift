import Foundation
import HTTPTypes
import Hummingbird
import NodeAPI
import WireCoding

/// The admin API on `--admin-port` (`/__admin/…`, JSON), for tests that run the mocks beside the application they
/// test: the clock, a reset to the scenario, the journal of what reached each mock, and the SMS each handset received. Thin: parse, act on the mocks, answer; every error is
/// `{"error": "…", "field": "…"}` with a 4xx status, and nothing here blocks the mocks (no lock is held across an await).
struct AdminRoutes: Sendable {
    let clock: any MockClock
    let journals: [(provider: ProviderMocks.Provider, journal: RequestJournal)]
    let background: MockBackgroundWork
    let dispatcher: CallbackDispatcher
    let faults: FaultBook
    /// ``ProviderMocks/reset(_:)``.
    let reset: @Sendable (ProviderMocks.Provider?) async -> Void
    /// ``NodeAPIState/inbox(of:limit:at:)`` under the Node API's lock.
    let inbox: @Sendable (_ number: String?, _ limit: Int) -> [NodeAPIState.HandsetMessage]
    static let maxBodyBytes = 64 * 1024
    /// At most ten years per advance: a bound, so that no request makes the mocks' schedules do arithmetic at the edge.
    static let maxAdvanceSeconds: Double = 10 * 366 * 86_400

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.add(middleware: ProviderNotFoundMiddleware { method, path in
            Self.failure(AdminModels.Failure(404, "\(method) \(path) is not an admin call; see GET /__admin/openapi.json (to come) or the README"))
        })
        router.get("/__admin/clock") { _, _ in Self.ok(clockState()).response }
        router.post("/__admin/clock") { request, _ in await answer(request) { body throws(AdminModels.Failure) in try setClock(body) } }
        router.post("/__admin/clock/advance") { request, _ in await answer(request) { body throws(AdminModels.Failure) in try await advance(body) } }
        router.post("/__admin/reset") { request, _ in
            do throws(AdminModels.Failure) {
                let chosen = try selected(request.firstQueryValues["provider"]).map(\.provider)
                await reset(chosen.count == 1 ? chosen[0] : nil)
                return Self.ok(AdminModels.Reset(reset: chosen.map(\.rawValue))).response
            } catch {
                return Self.failure(error).response
            }
        }
        router.get("/__admin/sms") { request, _ in
            do throws(AdminModels.Failure) { return Self.ok(try messages(request.firstQueryValues)).response } catch { return Self.failure(error).response }
        }
        router.post("/__admin/faults") { request, _ in
            await answer(request, status: .created) { body throws(AdminModels.Failure) in
                let asked = try Self.decode(Fault.Request.self, body)
                do throws(Fault.Refusal) { return try faults.add(asked) } catch { throw AdminModels.Failure(400, error.message, field: error.field) }
            }
        }
        router.get("/__admin/faults") { _, _ in Self.ok(AdminModels.Faults(faults: faults.list())).response }
        router.delete("/__admin/faults") { _, _ in
            faults.removeAll()
            return Response(status: .noContent)
        }
        router.delete("/__admin/faults/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            return faults.remove(id: id) ? Response(status: .noContent) : Self.failure(AdminModels.Failure(404, "there is no fault '\(id)'", field: "id")).response
        }
        router.get("/__admin/requests") { request, _ in
            do throws(AdminModels.Failure) { return Self.ok(try requests(request.firstQueryValues)).response } catch { return Self.failure(error).response }
        }
        router.delete("/__admin/requests") { request, _ in
            do throws(AdminModels.Failure) {
                for (_, journal) in try selected(request.firstQueryValues["provider"]) { journal.clear() }
                return Response(status: .noContent)
            } catch {
                return Self.failure(error).response
            }
        }
    }

    // MARK: Clock

    func clockState() -> AdminModels.Clock {
        let now = clock.now()
        let mode: SwitchableClock.Mode = switch clock {
        case let switchable as SwitchableClock: switchable.mode
        case is ManualClock: .manual
        default: .system
        }
        return AdminModels.Clock(mode: mode, now: ISOTime.string(now), epochMillis: now)
    }

    private func setClock(_ body: [UInt8]) throws(AdminModels.Failure) -> AdminModels.Clock {
        let change = try Self.decode(AdminModels.ClockChange.self, body)
        guard let switchable = clock as? SwitchableClock else {
            throw AdminModels.Failure(409, "this mock's clock cannot be switched (it was not started by serve)", field: "mode")
        }
        let target = try change.now.map { text throws(AdminModels.Failure) in try AdminModels.milliseconds(iso: text, field: "now") }
        do { try switchable.set(mode: change.mode, now: target) } catch { throw AdminModels.Failure(409, error.message, field: error.field) }
        return clockState()
    }

    /// Moves a manual clock, then runs what fell due before answering: item states, refunds, İYS forwarding and imports
    /// (the background work's turn), and the delivery reports and webhooks due by then, sent (``CallbackDispatcher/drain()``).
    private func advance(_ body: [UInt8]) async throws(AdminModels.Failure) -> AdminModels.Clock {
        let step = try Self.decode(AdminModels.Advance.self, body)
        guard step.seconds.isFinite, (0...Self.maxAdvanceSeconds).contains(step.seconds) else {
            throw AdminModels.Failure(400, "must be between 0 and \(Int(Self.maxAdvanceSeconds)) (ten years)", field: "seconds")
        }
        let milliseconds = Int64((step.seconds * 1000).rounded())
        switch clock {
        case let switchable as SwitchableClock:
            do { try switchable.advance(milliseconds: milliseconds) } catch { throw AdminModels.Failure(409, error.message, field: error.field) }
        case let manual as ManualClock:
            manual.advance(seconds: Double(milliseconds) / 1000)
        default:
            throw AdminModels.Failure(409, "the clock is on the system's time; switch it to manual first", field: "mode")
        }
        await background.turn()
        await dispatcher.drain()
        return clockState()
    }

    // MARK: Inbox

    /// `to` in any spelling the Node API takes (`0555…`, `+90 555…`); every number's messages without it.
    func messages(_ query: [String: String]) throws(AdminModels.Failure) -> AdminModels.Inbox {
        let limit = try Self.limit(query, default: 50)
        let number = try query["to"].map { text throws(AdminModels.Failure) in
            guard let number = GSMNumber(text).normalized else {
                throw AdminModels.Failure(400, "'\(text)' is not a Turkish mobile number", field: "to")
            }
            return number
        }
        return AdminModels.Inbox(messages: inbox(number, limit))
    }

    // MARK: Journal

    private func selected(_ provider: String?) throws(AdminModels.Failure) -> [(provider: ProviderMocks.Provider, journal: RequestJournal)] {
        guard let provider else { return journals }
        guard let wanted = ProviderMocks.Provider(rawValue: provider) else {
            let names = ProviderMocks.Provider.allCases.map(\.rawValue).joined(separator: ", ")
            throw AdminModels.Failure(400, "'\(provider)' is not a provider (\(names))", field: "provider")
        }
        return journals.filter { $0.provider == wanted }
    }

    /// Newest first across the providers asked for; `path` is exact, or a prefix when it ends with `*`.
    func requests(_ query: [String: String]) throws(AdminModels.Failure) -> AdminModels.Requests {
        let limit = try Self.limit(query, default: 100)
        let since = try query["since"].map { text throws(AdminModels.Failure) in try AdminModels.milliseconds(iso: text, field: "since") }
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
        for (provider, journal) in try selected(query["provider"]) {
            for entry in journal.entries() where matches(entry) { found.append((provider, entry)) }
        }
        found.sort { ($0.entry.time, $0.entry.sequence) > ($1.entry.time, $1.entry.sequence) }
        let requests = found.prefix(limit).map { provider, entry in
            AdminModels.Request(
                provider: provider.rawValue, sequence: entry.sequence, time: ISOTime.string(entry.time), method: entry.method, path: entry.path,
                query: entry.query, user: entry.user, status: entry.status, requestBody: String(decoding: entry.requestBody, as: UTF8.self),
                responseBody: String(decoding: entry.responseBody, as: UTF8.self), warnings: entry.warnings
            )
        }
        return AdminModels.Requests(requests: requests, matched: found.count)
    }

    // MARK: Plumbing

    private func answer<Reply: Encodable>(
        _ request: Request, status: HTTPResponse.Status = .ok, _ body: @Sendable ([UInt8]) async throws(AdminModels.Failure) -> Reply
    ) async -> Response {
        do throws(AdminModels.Failure) {
            let bytes: [UInt8]
            do { bytes = try await BodyReader.collect(request, limit: Self.maxBodyBytes) } catch {
                if case .tooLarge = error { throw AdminModels.Failure(413, error.message) }
                throw AdminModels.Failure(400, error.message)
            }
            var reply = Self.ok(try await body(bytes))
            reply.status = status
            return reply.response
        } catch {
            return Self.failure(error).response
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ body: [UInt8]) throws(AdminModels.Failure) -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(body.isEmpty ? Array("{}".utf8) : body))
        } catch {
            guard let problem = DecodingProblem(error), !problem.field.isEmpty else {
                throw AdminModels.Failure(400, "the body is not a JSON object of this call")
            }
            let message = switch problem.kind {
            case .missing: "is required"
            case .wrongType(let expected, _), .null(let expected): "must be a \(expected)"
            case .unreadable(let detail): detail
            }
            throw AdminModels.Failure(400, message, field: problem.field)
        }
    }

    static func limit(_ query: [String: String], default value: Int) throws(AdminModels.Failure) -> Int {
        guard let text = query["limit"] else { return value }
        guard let limit = Int(text), (1...1000).contains(limit) else { throw AdminModels.Failure(400, "must be a number from 1 to 1000", field: "limit") }
        return limit
    }

    static func ok(_ value: some Encodable) -> WireResponse {
        .json(.ok, (try? Array(WireJSON.encoder().encode(value))) ?? [])
    }

    static func failure(_ failure: AdminModels.Failure) -> WireResponse {
        .json(HTTPResponse.Status(code: failure.status), (try? Array(WireJSON.encoder().encode(failure))) ?? [])
    }
}
