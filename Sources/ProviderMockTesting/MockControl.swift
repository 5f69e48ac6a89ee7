import AsyncHTTPClient
import Foundation
import MockAdmin
import MockSimulations
import MySoftIYS
import NIOCore
import NIOHTTP1
import NodeAPI
import WireCoding

/// A typed handle over the admin API (`/__admin/…`) of running mocks: the harness's (``ProviderMockHarness``), or those
/// of a `provider-mock serve` a CI job started (`MockControl(admin: URL(string: "http://127.0.0.1:9580")!)`). Each call
/// is one admin request; an error reply is thrown as ``AdminModels/Failure``, its `status` the HTTP status.
public struct MockControl: Sendable {
    public let admin: URL
    /// The `--admin-token`, when the admin API requires one; a world's token for a world's handle.
    public let token: String?
    /// Where the admin routes of the mocks this handle acts on start: `/__admin`, or `/__admin/worlds/ID` for a world's.
    private var routes = AdminOperation.prefix

    public init(admin: URL, token: String? = nil) {
        self.admin = admin
        self.token = token
    }

    // MARK: Worlds

    /// A world of its own on the running mocks (issue 26): its own state, clock, inbox, faults and callbacks, so that
    /// parallel tests share one server and never see each other's. The world's description (its base URLs, its header,
    /// its credentials) and a handle over its admin routes, on which every call of this type acts on that world alone.
    public func world(_ request: AdminModels.CreateWorld = AdminModels.CreateWorld()) async throws -> (world: AdminModels.World, control: MockControl) {
        let world: AdminModels.World = try await call(.createWorld, body: request)
        var control = MockControl(admin: admin, token: world.token)
        control.routes = AdminOperation.getWorld.path(world.id)
        return (world, control)
    }

    /// The worlds of the running mocks, oldest first.
    public func worlds() async throws -> [AdminModels.World] {
        let reply: AdminModels.Worlds = try await call(.listWorlds)
        return reply.worlds
    }

    /// Deletes a world: its state goes, its background work and callbacks stop.
    public func deleteWorld(_ id: String) async throws {
        let _: AdminModels.WorldDeleted = try await call(.deleteWorld, id)
    }

    // MARK: Clock and reset

    public func clock() async throws -> AdminModels.Clock { try await call(.getClock) }

    /// Moves a manual clock; what falls due by then (states, reports sent, İYS forwarding) has happened when it returns.
    @discardableResult
    public func advanceClock(by duration: Duration) async throws -> AdminModels.Clock {
        try await call(.advanceClock, body: AdminModels.Advance(seconds: duration.inSeconds))
    }

    @discardableResult
    public func setClock(mode: SwitchableClock.Mode? = nil, now: String? = nil) async throws -> AdminModels.Clock {
        try await call(.setClock, body: AdminModels.ClockChange(mode: mode, now: now))
    }

    /// Every provider (or one) back to the scenario, journals emptied, faults back to the scenario's.
    public func reset(_ provider: MockProvider? = nil) async throws {
        let _: AdminModels.Reset = try await call(.reset, query: ["provider": provider?.rawValue])
    }

    // MARK: Journal

    public func journal(
        provider: MockProvider? = nil, path: String? = nil, user: String? = nil, since: String? = nil, limit: Int? = nil
    ) async throws -> [AdminModels.Request] {
        let query = ["provider": provider?.rawValue, "path": path, "user": user, "since": since, "limit": limit.map(String.init)]
        let reply: AdminModels.Requests = try await call(.listRequests, query: query)
        return reply.requests
    }

    public func clearJournal(_ provider: MockProvider? = nil) async throws {
        try await send(.clearRequests, query: ["provider": provider?.rawValue])
    }

    // MARK: Faults

    @discardableResult
    public func inject(_ fault: Fault.Request) async throws -> Fault { try await call(.addFault, body: fault) }

    public func faults() async throws -> [Fault] {
        let reply: AdminModels.Faults = try await call(.listFaults)
        return reply.faults
    }

    /// One fault by id, or every fault (the scenario's too, until the next reset).
    public func removeFaults(id: String? = nil) async throws {
        if let id { try await send(.removeFault, id) } else { try await send(.removeFaults) }
    }

    // MARK: Inbox

    /// What the handset of `number` received, newest first (every number's when nil).
    public func inbox(for number: String? = nil, limit: Int = 50) async throws -> [HandsetMessage] {
        let reply: AdminModels.Inbox = try await call(.inbox, query: ["to": number, "limit": String(limit)])
        return reply.messages
    }

    /// The first message to `number` in a package after `after` (by default, from now), as soon as it is stored;
    /// a ``AdminModels/Failure`` with status 408 when none comes within `timeout`.
    public func waitForSMS(to number: String? = nil, after pkgID: Int? = nil, timeout: Duration = .seconds(10)) async throws -> HandsetMessage {
        let seconds = timeout.inSeconds
        let reply: AdminModels.Inbox = try await call(
            .waitForSMS, query: ["to": number, "after": pkgID.map(String.init), "timeout": String(seconds)], wait: seconds
        )
        guard let last = reply.messages.last else { throw AdminModels.Failure(408, "no message", field: "timeout") }
        return last
    }

    /// An SMS from a handset to the short number (the opt-out flow).
    public func receiveSMS(from number: String, text: String, shortNumber: String? = nil, user: String? = nil) async throws -> MoRequest {
        try await call(.incomingSMS, body: AdminModels.IncomingSMS(from: number, text: text, shortNumber: shortNumber, user: user))
    }

    // MARK: Callbacks and data

    public func callbacks() async throws -> AdminModels.Callbacks { try await call(.callbacks) }

    /// Adds credit (a negative amount takes it away); the credit after.
    @discardableResult
    public func topUp(_ user: String, by amount: Int) async throws -> Int {
        let reply: AdminModels.Credit = try await call(.changeCredit, body: AdminModels.CreditChange(user: user, add: amount))
        return reply.credit
    }

    @discardableResult
    public func setCredit(_ user: String, to credit: Int) async throws -> Int {
        let reply: AdminModels.Credit = try await call(.changeCredit, body: AdminModels.CreditChange(user: user, credit: credit))
        return reply.credit
    }

    /// A sender's state by name (`approved`, `pending`, `rejected`, `banned`); the sender is added if missing.
    @discardableResult
    public func setSender(_ user: String, title: String, state: String, otpApproved: Bool? = nil) async throws -> [AdminModels.Sender] {
        let reply: AdminModels.Senders = try await call(
            .setSender, body: AdminModels.SenderChange(user: user, title: title, state: state, otpApproved: otpApproved)
        )
        return reply.senders
    }

    @discardableResult
    public func addConsent(_ consent: ConsentData, brandCode: String, user: String? = nil) async throws -> ConsentRecord {
        try await call(.addConsent, body: AdminModels.ConsentChange(brandCode: brandCode, consent: consent, user: user))
    }

    /// The consents İYS keeps, newest change first (one brand's when given).
    public func consents(brandCode: String? = nil, limit: Int = 100) async throws -> [AdminModels.Consent] {
        let reply: AdminModels.Consents = try await call(.listConsents, query: ["brandCode": brandCode, "limit": String(limit)])
        return reply.consents
    }

    /// Every Euromsg end user's campaigns, with their status now.
    public func campaigns() async throws -> [AdminModels.EndUserCampaign] {
        let reply: AdminModels.Campaigns = try await call(.listCampaigns)
        return reply.campaigns
    }

    // MARK: Scenario

    /// The scenario's text (YAML), as the mocks were given it.
    public func scenario() async throws -> String {
        String(decoding: try await send(.getScenario), as: UTF8.self)
    }

    /// Replaces the scenario (checked as at start-up) and resets every provider to it; the settings only a restart applies.
    @discardableResult
    public func replaceScenario(_ yaml: String) async throws -> [String] {
        let reply: AdminModels.ScenarioReplaced = try await call(.replaceScenario, raw: Array(yaml.utf8))
        return reply.restartNeeded
    }

    // MARK: Events

    /// The admin API's event stream (`GET /__admin/events`), each event as its type and JSON; it ends when the task
    /// iterating it is cancelled or the mocks stop.
    public func events(types: [String]? = nil) -> AsyncThrowingStream<(type: String, json: String), any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: (type: String, json: String).self)
        let request = self.request(.events, query: ["types": types?.joined(separator: ",")])
        let task = Task {
            do {
                let response = try await HTTPClient.shared.execute(try request.get(), timeout: .hours(24))
                var pending: [UInt8] = []
                for try await chunk in response.body {
                    pending += chunk.readableBytesView
                    while let end = Self.endOfEvent(in: pending) {
                        let block = String(decoding: pending[..<end], as: UTF8.self)
                        pending.removeSubrange(..<(end + 2))
                        var type = "message", data = ""
                        for line in block.split(separator: "\n") {
                            if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
                            if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                        }
                        if !data.isEmpty { continuation.yield((type, data)) }
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Where the first event in `bytes` ends (its blank line), if it is whole.
    static func endOfEvent(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 0..<(bytes.count - 1) where bytes[index] == 0x0A && bytes[index + 1] == 0x0A { return index }
        return nil
    }

    // MARK: Plumbing

    private func call<Reply: Decodable>(
        _ operation: AdminOperation, _ parameter: String? = nil, query: [String: String?] = [:], body: (some Encodable)? = String?.none,
        raw: [UInt8]? = nil, wait: Double = 0
    ) async throws -> Reply {
        let bytes = try await send(operation, parameter, query: query, body: body, raw: raw, wait: wait)
        return try JSONDecoder().decode(Reply.self, from: Data(bytes))
    }

    /// The request of an admin call (its path's parameter given), with the token; a JSON `body`, or `raw` bytes as they are.
    private func request(
        _ operation: AdminOperation, _ parameter: String? = nil, query: [String: String?] = [:], body: (some Encodable)? = String?.none,
        raw: [UInt8]? = nil
    ) -> Result<HTTPClientRequest, AdminModels.Failure> {
        let called = parameter.map { operation.path($0) } ?? operation.path
        // A world's handle: its own routes, except the worlds' (created and listed on the server's admin API).
        let prefix = AdminOperation.prefix
        let isWorlds = [.createWorld, .listWorlds, .getWorld, .deleteWorld].contains(operation)
        let path = isWorlds || !called.hasPrefix(prefix) ? called : routes + called.dropFirst(prefix.count)
        var components = URLComponents(url: admin.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        let items = query.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }.sorted { $0.name < $1.name }
        if !items.isEmpty { components?.queryItems = items }
        guard let url = components?.url else { return .failure(AdminModels.Failure(400, "cannot build a URL for \(path)")) }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: operation.method.rawValue)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let raw {
            request.body = .bytes(ByteBuffer(bytes: raw))
        } else if let body {
            guard let json = try? JSONEncoder().encode(body) else { return .failure(AdminModels.Failure(400, "the body of \(path) cannot be encoded")) }
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: json))
        }
        return .success(request)
    }

    @discardableResult
    private func send(
        _ operation: AdminOperation, _ parameter: String? = nil, query: [String: String?] = [:], body: (some Encodable)? = String?.none,
        raw: [UInt8]? = nil, wait: Double = 0
    ) async throws -> [UInt8] {
        let request = try self.request(operation, parameter, query: query, body: body, raw: raw).get()
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(Int64(30 + wait.rounded(.up))))
        let bytes = Array(try await response.body.collect(upTo: 64 << 20).readableBytesView)
        guard (200..<300).contains(Int(response.status.code)) else {
            var failure = (try? JSONDecoder().decode(AdminModels.Failure.self, from: Data(bytes))) ?? AdminModels.Failure(Int(response.status.code), "HTTP \(response.status.code)")
            failure.status = Int(response.status.code)
            throw failure
        }
        return bytes
    }
}
