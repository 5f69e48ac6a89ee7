import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import MockAdmin
@testable import MockProviders
@testable import MockSimulations
import NodeAPI
import Testing

/// Issue 14: the inbox's wait, state history, KVKK text and pages; incoming SMS; callback attempts; the event stream;
/// journal headers; the admin token.
@Suite struct AdminInboxTests {
    static let start = AdminRoutesTests.start

    static func mocks() throws -> ProviderMocks {
        ProviderMocks(scenario: try Scenario.bundled(), clock: SwitchableClock(mode: .manual, now: start))
    }

    static func sms(_ number: String, _ text: String) -> CreateSmsRequest {
        CreateSmsRequest(recipients: .single(GSMNumber(number)), sender: "BASLIK", title: "T", content: text)
    }

    static func inbox(_ response: TestResponse) throws -> AdminModels.Inbox {
        try JSONDecoder().decode(AdminModels.Inbox.self, from: response.body)
    }

    static func failure(_ response: TestResponse) throws -> AdminModels.Failure {
        try JSONDecoder().decode(AdminModels.Failure.self, from: response.body)
    }

    /// `GET /__admin/sms/wait`: at once when a message newer than `after` exists; else as soon as one is stored, and
    /// only one to that number; 408 when none comes in time.
    @Test func aWaitAnswersWhenTheMessageIsStored() async throws {
        let mocks = try Self.mocks()
        let old = try mocks.nodeAPI.respond(to: Self.sms("905551230011", "Eski 1111"), as: "admin")
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let already = try await admin.execute(uri: "/__admin/sms/wait?to=05551230011&after=0&timeout=1", method: .get)
            #expect(try Self.inbox(already).messages.map(\.pkgID) == [old.pkgID])

            async let waited = admin.execute(uri: "/__admin/sms/wait?to=05551230011&timeout=30", method: .get)
            // Until the wait has subscribed, a package stored would be older than its start; wait for the subscription.
            while mocks.events.subscriberCount == 0 { await Task.yield() }
            _ = try mocks.nodeAPI.respond(to: Self.sms("905551230012", "Başkasına"), as: "admin")
            let otp = try mocks.nodeAPI.respond(to: CreateOtpRequest(number: "05551230011", sender: "BASLIK", content: "Kodunuz: 735102"), as: "admin")
            let reply = try await waited
            #expect(reply.status == .ok)
            #expect(try Self.inbox(reply).messages.map(\.otp) == ["735102"])
            #expect(try Self.inbox(reply).messages.map(\.pkgID) == [otp.pkgID])

            let late = try await admin.execute(uri: "/__admin/sms/wait?to=05551230011&timeout=0.05", method: .get)
            #expect(late.status == .requestTimeout)
            #expect(try Self.failure(late).field == "timeout")
            for (query, field) in [("to=123", "to"), ("timeout=121", "timeout"), ("timeout=nan", "timeout"), ("after=dün", "after")] {
                let bad = try await admin.execute(uri: "/__admin/sms/wait?\(query)", method: .get)
                #expect(bad.status == .badRequest, "\(query)")
                #expect(try Self.failure(bad).field == field, "\(query)")
            }
        }
        #expect(mocks.events.subscriberCount == 0, "every wait let go of its subscription")
    }

    /// A wait wakes for a later round of a repeating package too: the round's messages to the number, under the
    /// package's id, newer than the wait's start.
    @Test func aWaitWakesForALaterRoundOfARepeatingPackage() async throws {
        let mocks = try Self.mocks()
        var daily = Self.sms("905551230011", "Günlük hatırlatma")
        daily.periodicSettings = PeriodicSettings(periodType: .daily, interval: nil, amount: nil)
        let created = try mocks.nodeAPI.respond(to: daily, as: "admin")
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            async let waited = admin.execute(uri: "/__admin/sms/wait?to=05551230011&timeout=30", method: .get)
            while mocks.events.subscriberCount == 0 { await Task.yield() }
            _ = try await admin.execute(uri: "/__admin/clock/advance", method: .post, body: ByteBuffer(string: #"{"seconds": 86400}"#))
            // The next call of any kind sends the rounds due by now, as the background work does on a running server.
            _ = mocks.nodeAPI.withState { state, _ in state.newestItemID }
            let reply = try await waited
            #expect(reply.status == .ok)
            let messages = try Self.inbox(reply).messages
            #expect(messages.map(\.pkgID) == [created.pkgID])
            #expect(messages.map(\.text) == ["Günlük hatırlatma"])
            #expect(messages.count == 1, "only the new round's message, not the first one's")
        }
    }

    /// Each message's state history follows the clock; a KVKK message shows its link filled in; without `to` the inbox
    /// comes a page at a time.
    @Test func theInboxHasTheStateHistoryTheKVKKLinkAndPages() async throws {
        let mocks = try Self.mocks()
        let kvkk = try mocks.nodeAPI.respond(to: CreateKvkkRequest(
            number: PersonalisedNumber(nr: "905551230011", cfs: ["FIRST_NAME": "Ayşe", "LAST_NAME": "Yılmaz"]), sender: "BASLIK",
            content: "Sayın FIRST_NAME, aydınlatma metni: SHORT_LINK"
        ), as: "admin")
        _ = try mocks.nodeAPI.respond(to: CreateSmsRequest(
            recipients: .oneToMany(["905551230012", "905551230013", "905551230014"]), sender: "BASLIK", title: "T", content: "Toplu"
        ), as: "admin")
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            _ = try await admin.execute(uri: "/__admin/clock/advance", method: .post, body: ByteBuffer(string: #"{"seconds": 30}"#))
            let mine = try Self.inbox(try await admin.execute(uri: "/__admin/sms?to=905551230011", method: .get)).messages
            let message = try #require(mine.first)
            #expect(message.pkgID == kvkk.pkgID)
            #expect(message.text == "Sayın Ayşe, aydınlatma metni: \(CreateKvkkRequest.link(for: "905551230011"))")
            #expect(message.history.map(\.stateName) == ["pending", "sending", "sent", "delivered"])
            #expect(message.history.first?.at == "2025-12-02T08:00:00.000Z")
            #expect(message.history.map(\.at) == message.history.map(\.at).sorted())

            var seen: [String] = []
            var query = "/__admin/sms?limit=3"
            while true {
                let page = try Self.inbox(try await admin.execute(uri: query, method: .get))
                seen += page.messages.map(\.to)
                guard let next = page.next else { break }
                query = "/__admin/sms?limit=3&before=\(next)"
            }
            #expect(seen == ["905551230012", "905551230013", "905551230014", "905551230011"])
            let bad = try await admin.execute(uri: "/__admin/sms?before=soon", method: .get)
            #expect(try Self.failure(bad).field == "before")
        }
    }

    /// `POST /__admin/mo`: "RET BASLIK" from a handset blacklists it for the account that sent to it, as `/mock/mo` does.
    @Test func anIncomingSMSOptsTheHandsetOut() async throws {
        let mocks = try Self.mocks()
        _ = try mocks.nodeAPI.respond(to: Self.sms("905551230011", "Kampanya"), as: "admin")
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let reply = try await admin.execute(uri: "/__admin/mo", method: .post, body: ByteBuffer(string: #"{"from": "05551230011", "text": "RET BASLIK"}"#))
            #expect(reply.status == .ok, "\(String(buffer: reply.body))")
            let request = try JSONDecoder().decode(MoRequest.self, from: reply.body)
            #expect(request.state == .complete && request.gsm == "905551230011")
            let nobody = try await admin.execute(uri: "/__admin/mo", method: .post, body: ByteBuffer(string: #"{"from": "05551230011", "text": "RET", "user": "kimse"}"#))
            #expect(nobody.status == .notFound)
            let missing = try await admin.execute(uri: "/__admin/mo", method: .post, body: ByteBuffer(string: #"{"text": "RET"}"#))
            #expect(try Self.failure(missing).field == "from")
        }
        #expect(mocks.nodeAPI.withState { state, _ in state.accounts["admin"]?.blacklist.contains("905551230011") } == true)
    }

    /// `GET /__admin/callbacks`: each attempt with its status, and the retry due after a failure.
    @Test func callbackAttemptsAreListedWithTheirRetries() async throws {
        let receiver = CallbackTests.Receiver()
        try await receiver.app.test(.live) { hooks in
            let port = try #require(hooks.port)
            let mocks = try Self.mocks()
            for path in ["hook", "fail"] {
                var request = Self.sms("905551230011", "Rapor \(path)")
                request.pushSettings = PushSettings(url: "http://127.0.0.1:\(port)/\(path)")
                _ = try mocks.nodeAPI.respond(to: request, as: "admin")
            }
            try await Application(router: mocks.adminRouter()).test(.router) { admin in
                _ = try await admin.execute(uri: "/__admin/clock/advance", method: .post, body: ByteBuffer(string: #"{"seconds": 10}"#))
                let listed = try JSONDecoder().decode(AdminModels.Callbacks.self, from: try await admin.execute(uri: "/__admin/callbacks", method: .get).body)
                let byPath = Dictionary(grouping: listed.attempts) { $0.url.hasSuffix("/fail") ? "fail" : "hook" }
                let delivered = try #require(byPath["hook"]?.first)
                #expect(delivered.status == 200 && delivered.outcome == .delivered && delivered.attempt == 1, "\(listed.attempts)")
                #expect(delivered.payload.contains("\"pkg\":{"))
                let failed = try #require(byPath["fail"]?.first)
                #expect(failed.status == 500 && failed.outcome == .retrying)
                #expect(failed.nextAttemptAt == "2025-12-02T08:00:11.000Z")
                #expect(failed.retriesLeft == 2)
                #expect(listed.pending == 1 && listed.delivered == 1, "\(listed)")
            }
        }
    }

    /// `GET /__admin/events`: a package stored reaches an open stream as an event, and the stream ends when the server
    /// shuts down (the test would not return otherwise).
    @Test func theEventStreamSendsWhatHappensAsItHappens() async throws {
        let mocks = try Self.mocks()
        try await Application(router: mocks.adminRouter()).test(.live) { admin in
            let stream = try RawConnection(port: try #require(admin.port))
            stream.write("GET /__admin/events?types=package,clock HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let opened = try #require(await stream.read(within: 10) { $0.contains(": provider-mock events\n\n") })
            #expect(opened.hasPrefix("HTTP/1.1 200 OK") && opened.lowercased().contains("content-type: text/event-stream"))
            let created = try mocks.nodeAPI.respond(to: Self.sms("905551230011", "Canlı ğüşıöç"), as: "admin")
            _ = try await admin.execute(uri: "/__admin/clock/advance", method: .post, body: ByteBuffer(string: #"{"seconds": 1}"#))
            let events = try #require(await stream.read(within: 10) { $0.contains("event: clock") })
            #expect(events.contains("event: package\ndata: {\"pkgID\":\(created.pkgID),\"recipients\":1,\"type\":\"package\",\"user\":\"admin\"}\n\n"), "\(events)")
            #expect(!events.contains("event: request"), "only the types asked for")
            // Every mock's journal feeds the stream, the Node API's too.
            let all = try RawConnection(port: try #require(admin.port))
            all.write("GET /__admin/events?types=request HTTP/1.1\r\nHost: localhost\r\n\r\n")
            _ = try #require(await all.read(within: 10) { $0.contains(": provider-mock events\n\n") })
            try await Application(router: mocks.nodeAPIRouter()).test(.router) { node in
                _ = try await node.execute(uri: "/user/credit", method: .post, headers: AdminFaultsTests.admin)
            }
            let request = try #require(await all.read(within: 10) { $0.contains("event: request") })
            #expect(request.contains(#""path":"\/user\/credit""#) || request.contains(#""path":"/user/credit""#), "\(request)")
            #expect(request.contains(#""provider":"node-api""#))
            let wrong = try await admin.execute(uri: "/__admin/events?types=sms", method: .get)
            #expect(wrong.status == .badRequest)
        }
        #expect(mocks.events.subscriberCount == 0)
    }

    /// A quiet stream writes a keep-alive comment now and then, so that a client gone is noticed even when nothing happens.
    @Test func aQuietStreamWritesKeepAlives() async throws {
        let mocks = try Self.mocks()
        try await Application(router: mocks.adminRouter(token: nil, heartbeat: .milliseconds(20))).test(.live) { admin in
            let stream = try RawConnection(port: try #require(admin.port))
            stream.write("GET /__admin/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let text = try #require(await stream.read(within: 10) { $0.components(separatedBy: ": keep-alive\n\n").count > 2 })
            #expect(!text.contains("event:"), "a keep-alive is a comment, not an event")
        }
    }

    /// A client that goes away frees its place: the stream's next write fails, and the subscription ends with it.
    @Test func aStreamWhoseClientLeftIsEnded() async throws {
        let mocks = try Self.mocks()
        try await Application(router: mocks.adminRouter()).test(.live) { admin in
            let port = try #require(admin.port)
            do {
                let stream = try RawConnection(port: port)
                stream.write("GET /__admin/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
                _ = try #require(await stream.read(within: 10) { $0.contains(": provider-mock events") })
                #expect(mocks.events.subscriberCount == 1)
            }
            // The connection is closed; events go on happening.
            var freed = false
            for _ in 0..<10_000 where !freed {
                mocks.events.publish(.clock(now: 0))
                await Task.yield()
                freed = mocks.events.subscriberCount == 0
            }
            #expect(freed, "the subscription outlived its client")
        }
    }

    /// `--admin-token`: without the bearer token (or `?token=`) every admin call is 401.
    @Test func theAdminTokenIsRequiredWhenSet() async throws {
        let mocks = try Self.mocks()
        try await Application(router: mocks.adminRouter(token: "gizli-ş")).test(.router) { admin in
            let denied = try await admin.execute(uri: "/__admin/clock", method: .get)
            #expect(denied.status == .unauthorized)
            #expect(try Self.failure(denied).field == "Authorization")
            #expect(try await admin.execute(uri: "/__admin/clock", method: .get, headers: [.authorization: "Bearer yanlış"]).status == .unauthorized)
            #expect(try await admin.execute(uri: "/__admin/clock", method: .get, headers: [.authorization: "Bearer gizli-ş"]).status == .ok)
            #expect(try await admin.execute(uri: "/__admin/clock?token=gizli-%C5%9F", method: .get).status == .ok)
        }
    }

    /// The journal keeps the request's headers and the reply's content type.
    @Test func theJournalHasTheRequestHeaders() async throws {
        let mocks = try Self.mocks()
        try await Application(router: mocks.nodeAPIRouter()).test(.router) { node in
            _ = try await node.execute(uri: "/user/credit", method: .post, headers: AdminFaultsTests.admin.merging([HTTPField.Name("X-Request-Id")!: "çağrı-1"]))
        }
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let listed = try JSONDecoder().decode(AdminModels.Requests.self, from: try await admin.execute(uri: "/__admin/requests", method: .get).body)
            let entry = try #require(listed.requests.first)
            #expect(entry.requestHeaders["X-Request-Id"] == "çağrı-1")
            #expect(entry.contentType == "application/json; charset=utf-8")
        }
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var merged = self
        for field in other { merged[field.name] = field.value }
        return merged
    }
}
