import Foundation
import Hummingbird
import MockAdmin
import MockSimulations
import NodeAPI

/// `GET /__admin/sms`, `GET /__admin/sms/wait` and `POST /__admin/mo`: what handsets received, a wait for the next
/// message (Mailpit's and LocalStack's inbox), and an SMS a handset sends back.
extension AdminRoutes {
    /// Longest wait of `GET /__admin/sms/wait`, in seconds.
    static let maxWaitSeconds: Double = 120

    func registerInbox<Context: RequestContext>(on router: Router<Context>) {
        router.on(.inbox) { request, _ in await reply { () throws(AdminModels.Failure) in try messages(request.firstQueryValues) } }
        router.on(.waitForSMS) { request, _ in
            do throws(AdminModels.Failure) { return try await wait(request.firstQueryValues, of: request) } catch { return Self.failure(error).response }
        }
        router.on(.incomingSMS) { request, _ in
            await answer(request) { body throws(AdminModels.Failure) in try incoming(try Self.decode(AdminModels.IncomingSMS.self, body)) }
        }
    }

    /// `to` in any spelling the Node API takes (`0555…`, `+90 555…`); every number's messages without it, a page at a
    /// time (`before`, the reply's `next`).
    func messages(_ query: [String: String]) throws(AdminModels.Failure) -> AdminModels.Inbox {
        let limit = try Self.limit(query, default: 50)
        let number = try Self.number(query["to"], field: "to")
        let cursor = try query["before"].map { text throws(AdminModels.Failure) in
            guard let cursor = NodeAPIState.InboxCursor(text) else { throw AdminModels.Failure(400, "'\(text)' is not a cursor from a reply's next", field: "before") }
            return cursor
        }
        let page = mocks.nodeAPI.withState { state, now in state.inbox(of: number, limit: limit, from: cursor, at: now) }
        return AdminModels.Inbox(messages: page.messages, next: page.next?.text)
    }

    /// Answers as soon as a message to `to` (any number without it) from a package after `after` exists: at once if
    /// one does, else when one is stored, or when a round of a repeating package sends one during the wait; 408 after
    /// `timeout` seconds (10 by default). `after` is a package id, or an ISO time (packages created after it); by default
    /// the newest package when the wait starts.
    func wait(_ query: [String: String], of request: Request) async throws(AdminModels.Failure) -> Response {
        let number = try Self.number(query["to"], field: "to")
        let timeout = try query["timeout"].map { text throws(AdminModels.Failure) in
            guard let seconds = Double(text), seconds.isFinite, (0...Self.maxWaitSeconds).contains(seconds) else {
                throw AdminModels.Failure(400, "must be a number of seconds from 0 to \(Int(Self.maxWaitSeconds))", field: "timeout")
            }
            return seconds
        } ?? 10
        // Subscribed before the first look, so that a message stored in between is not missed.
        guard let subscription = mocks.events.subscribe() else {
            throw AdminModels.Failure(503, "\(MockEvents.maxSubscribers) waits and event streams are open already; try again")
        }
        defer { subscription.end() }
        let nodeAPI = mocks.nodeAPI
        let after = try query["after"].map { text throws(AdminModels.Failure) -> Int in
            if let id = Int(text) { return id }
            let time = try AdminModels.milliseconds(iso: text, field: "after")
            return nodeAPI.withState { state, _ in state.newestPackage(createdBy: time) }
        } ?? nodeAPI.withState { state, _ in state.newestPackageID }
        // A round of a repeating package sent during the wait counts too: its items are newer than this one.
        let newestItem = nodeAPI.withState { state, _ in state.newestItemID }
        @Sendable func found() -> [HandsetMessage] {
            nodeAPI.withState { state, now in state.inbox(of: number, limit: 100, after: after, at: now).messages }
        }
        @Sendable func round(of pkgID: Int) -> [HandsetMessage] {
            nodeAPI.withState { state, now in Array(state.messages(ofPackage: pkgID, to: number, after: newestItem, at: now).prefix(100)) }
        }
        let messages = await withTaskGroup(of: [HandsetMessage]?.self) { group in
            group.addTask {
                var messages = found()
                if !messages.isEmpty { return messages }
                for await event in subscription.events {
                    guard case .package(let pkgID, _, _) = event else { continue }
                    messages = pkgID > after ? found() : round(of: pkgID)
                    if !messages.isEmpty { return messages }
                }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int64(timeout * 1000)))
                return nil
            }
            // A client gone frees the wait's place at once, not at its timeout.
            group.addTask {
                await HangUps.shared.waitForHangUp(of: request)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let messages, !messages.isEmpty else {
            let whom = number.map { "to \($0)" } ?? "at all"
            throw AdminModels.Failure(408, "no message \(whom) after package \(after) within \(timeout) s", field: "timeout")
        }
        return Self.ok(AdminModels.Inbox(messages: messages, next: nil)).response
    }

    /// An SMS from a handset to the short number: the opt-out flow of `POST /mock/mo`, for `user` (by default the
    /// account that last sent to that number, or the only account).
    private func incoming(_ sms: AdminModels.IncomingSMS) throws(AdminModels.Failure) -> MoRequest {
        let number = try Self.number(sms.from, field: "from")
        let guessed = mocks.nodeAPI.withState { state, now in
            number.flatMap { state.inbox(of: $0, limit: 1, at: now).messages.first?.user } ?? (state.accounts.count == 1 ? state.accounts.keys.first : nil)
        }
        guard let user = sms.user ?? guessed else {
            throw AdminModels.Failure(400, "no account sent to \(sms.from) yet; name the one whose short number it is", field: "user")
        }
        guard mocks.nodeAPI.hasAccount(user) else { throw AdminModels.Failure(404, "there is no account '\(user)'", field: "user") }
        do {
            return try mocks.nodeAPI.receiveOptOut(for: user, gsm: sms.from, msg: sms.text, shortNr: sms.shortNumber)
        } catch {
            throw AdminModels.Failure(400, error.message, field: "text")
        }
    }

    /// A Turkish mobile number in any spelling, normalised; nil for nil.
    static func number(_ text: String?, field: String) throws(AdminModels.Failure) -> String? {
        guard let text else { return nil }
        guard let number = GSMNumber(text).normalized else { throw AdminModels.Failure(400, "'\(text)' is not a Turkish mobile number", field: field) }
        return number
    }
}
