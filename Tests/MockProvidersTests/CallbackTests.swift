import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
import MockProviders
import MockSimulations
import NodeAPI
import Synchronization
import Testing

/// Delivery reports POSTed to a real local receiver, with retries on the manual clock.
@Suite struct CallbackTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    /// A receiver on a free loopback port: `/hook` keeps the bodies, `/fail` answers 500.
    final class Receiver: Sendable {
        let bodies = Mutex<[[UInt8]]>([])
        let failures = Mutex(0)

        var app: some ApplicationProtocol {
            let router = Router(context: MockRequestContext.self)
            router.post("/hook") { request, _ -> HTTPResponse.Status in
                let body = try await request.body.collect(upTo: 1 << 20)
                self.bodies.withLock { $0.append(Array(body.readableBytesView)) }
                return .ok
            }
            router.post("/fail") { _, _ -> HTTPResponse.Status in
                self.failures.withLock { $0 += 1 }
                return .internalServerError
            }
            return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        }
    }

    func send(_ simulation: NodeAPISimulation, to url: String) async throws -> Int {
        var request = CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230001", "905551230004", "905551230002"]), sender: "BASLIK", title: "T", content: "c")
        request.pushSettings = PushSettings(url: url)
        request.customID = "siparis-7"
        return try simulation.respond(to: request, as: "admin").pkgID
    }

    @Test func reportsReachTheReceiverOnceAsItemsBecomeFinal() async throws {
        let receiver = Receiver()
        try await receiver.app.test(.live) { client in
            let port = try #require(client.port)
            let simulation = simulation()
            let dispatcher = CallbackDispatcher(clock: clock, timeout: .seconds(60))  // a loaded machine answers late: no retry for it
            let id = try await send(simulation, to: "http://127.0.0.1:\(port)/hook")
            await simulation.deliverReports(through: dispatcher)
            #expect(receiver.bodies.withLock { $0.isEmpty })
            clock.advance(seconds: 5)
            await simulation.deliverReports(through: dispatcher)
            await simulation.deliverReports(through: dispatcher)
            let firstBody = try #require(receiver.bodies.withLock { $0.first })
            let first = try JSONDecoder().decode(DeliveryReport.self, from: Data(firstBody))
            #expect(first.pkg.id == id)
            #expect(first.pkg.customID == "siparis-7")
            #expect(first.userID == 1)
            #expect(first.items.map(\.target) == ["905551230011", "905551230001"])
            #expect(first.items.map(\.state) == [.delivered, .undelivered])
            // The shape a receiver parses (issue 25, item 1): pkg as /sms/list shows it, items as /sms/list-item, null keys written.
            let object = try #require(try JSONSerialization.jsonObject(with: Data(firstBody)) as? [String: Any])
            #expect(Set(object.keys) == ["pkg", "items", "userID"])
            let pkg = try #require(object["pkg"] as? [String: Any])
            #expect(Set(pkg.keys) == Set(["id", "customID", "type", "uuid", "error", "state", "title", "content", "senders", "encoding", "validity", "statistics", "isScheduled", "sendingDate", "processingDate", "processInfo"]))
            let undelivered = try #require((object["items"] as? [[String: Any]])?.last)
            #expect(undelivered["deliveryDate"] is NSNull, "\(undelivered)")
            #expect(Set(undelivered.keys) == Set(["id", "msg", "error", "credit", "state", "sender", "target", "setState", "sendingDate", "deliveryDate", "processingDate"]))
            clock.advance(minutes: 1500)
            await simulation.deliverReports(through: dispatcher)
            let bodies = receiver.bodies.withLock { $0 }
            #expect(bodies.count == 2)
            let second = try JSONDecoder().decode(DeliveryReport.self, from: Data(bodies[1]))
            #expect(second.items.map(\.state) == [.timedOut])
            #expect(await dispatcher.delivered == 2)
        }
    }

    @Test func failedDeliveriesAreRetriedOnTheClockThenGivenUp() async throws {
        let receiver = Receiver()
        try await receiver.app.test(.live) { client in
            let port = try #require(client.port)
            let dispatcher = CallbackDispatcher(clock: clock, backoff: [.seconds(1), .seconds(5)])
            await dispatcher.enqueue(url: "http://127.0.0.1:\(port)/fail", body: Array("{}".utf8))
            await dispatcher.drain()
            #expect(receiver.failures.withLock { $0 } == 1)
            await dispatcher.drain()
            #expect(receiver.failures.withLock { $0 } == 1)
            clock.advance(seconds: 1)
            await dispatcher.drain()
            #expect(receiver.failures.withLock { $0 } == 2)
            clock.advance(seconds: 5)
            await dispatcher.drain()
            #expect(receiver.failures.withLock { $0 } == 3)
            #expect(await dispatcher.failed == 1)
            #expect(await dispatcher.pending == 0)
        }
    }

    @Test func aLargePackagesReportsAreSplit() async throws {
        var account = ScenarioFixtures.admin
        account.credit = 10_000
        let simulation = NodeAPISimulation(accounts: [account], clock: clock)
        var request = CreateSmsRequest(
            recipients: .oneToMany((0..<2_500).map { GSMNumber(String(905_550_105_000 + $0)) }), sender: "BASLIK", title: "T", content: "c"
        )
        request.pushSettings = PushSettings(url: "http://127.0.0.1:9/hook")
        _ = try simulation.respond(to: request, as: "admin")
        #expect(simulation.dueReports().isEmpty)
        clock.advance(seconds: 5)
        let reports = simulation.dueReports()
        #expect(reports.map(\.report.items.count) == [1000, 1000, 500])
        #expect(Set(reports.flatMap(\.report.items).map(\.id)).count == 2_500)
        #expect(simulation.dueReports().isEmpty)
    }

    @Test func theQueueIsBounded() async {
        let dispatcher = CallbackDispatcher(clock: clock, capacity: 2)
        for _ in 0..<5 { await dispatcher.enqueue(url: "http://127.0.0.1:9/none", body: []) }
        #expect(await dispatcher.pending == 2)
        #expect(await dispatcher.dropped == 3)
        // Another receiver has a queue of its own; the bytes of all queues are bounded too.
        await dispatcher.enqueue(url: "http://127.0.0.1:10/none", body: [])
        #expect(await dispatcher.pending == 3)
        let small = CallbackDispatcher(clock: clock, maxQueuedBytes: 10)
        await small.enqueue(url: "http://127.0.0.1:9/none", body: Array(repeating: 0x20, count: 8))
        await small.enqueue(url: "http://127.0.0.1:10/none", body: Array(repeating: 0x20, count: 8))
        #expect(await small.pending == 1)
        #expect(await small.dropped == 1)
    }

    /// Receivers that never answer: each request is counted and then waits until ``release()``.
    final class HangingReceiver: Sendable {
        let arrivals: AsyncStream<Void>
        let arrived: AsyncStream<Void>.Continuation
        let released = Mutex<(done: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

        init() { (arrivals, arrived) = AsyncStream.makeStream() }

        /// Lets every request waiting, and any later one, answer: the server can then shut down.
        func release() {
            let waiting = released.withLock { state in
                state.done = true
                defer { state.waiting = [] }
                return state.waiting
            }
            for continuation in waiting { continuation.resume() }
        }

        var app: some ApplicationProtocol {
            let router = Router(context: MockRequestContext.self)
            router.post("/hang") { _, _ -> HTTPResponse.Status in
                self.arrived.yield()
                await withCheckedContinuation { continuation in
                    let done = self.released.withLock { state in
                        if !state.done { state.waiting.append(continuation) }
                        return state.done
                    }
                    if done { continuation.resume() }
                }
                return .ok
            }
            return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        }
    }

    /// Issue 14: a drain (an admin advance) also waits for the attempts the service had started, so that what was due
    /// has been sent when it returns, not only what it started itself.
    @Test func aDrainWaitsForTheAttemptsAlreadyUnderWay() async throws {
        let hanging = HangingReceiver()
        try await hanging.app.test(.live) { client in
            let port = try #require(client.port)
            let dispatcher = CallbackDispatcher(clock: clock, timeout: .seconds(60))
            await dispatcher.enqueue(url: "http://127.0.0.1:\(port)/hang", body: Array("{}".utf8))
            // The first drain takes the delivery (as the service would) and waits in its attempt.
            let first = Task { await dispatcher.drain() }
            for await _ in hanging.arrivals { break }
            let second = Task { await dispatcher.drain() }
            // Nothing is due to the second drain, but an attempt is under way: it waits for it.
            var waited = false
            for _ in 0..<100_000 where !waited {
                waited = await dispatcher.waitingDrains == 1
                await Task.yield()
            }
            #expect(waited, "the drain returned while an attempt was under way")
            hanging.release()
            await second.value
            #expect(await dispatcher.delivered == 1, "sent when the drain returned")
            await first.value
        }
    }

    /// Issue 11, finding 6: six receivers that hang do not delay a healthy one, and one receiver has at most
    /// `maxInFlightPerReceiver` attempts in flight.
    @Test func aHangingReceiverDelaysOnlyItself() async throws {
        let healthy = Receiver()
        let hanging = HangingReceiver()
        try await hanging.app.test(.live) { hangingClient in
            let hangingPort = try #require(hangingClient.port)
            try await healthy.app.test(.live) { healthyClient in
                let healthyPort = try #require(healthyClient.port)
                let dispatcher = CallbackDispatcher(clock: clock, maxInFlightPerReceiver: 2, timeout: .seconds(60))
                // Six hanging receivers (one server under six spellings of 127.0.0.1), three deliveries each.
                for name in ["127.0.0.1", "127.1", "127.0.1", "2130706433", "0x7f000001", "0177.0.0.1"] {
                    for _ in 0..<3 { await dispatcher.enqueue(url: "http://\(name):\(hangingPort)/hang", body: Array("{}".utf8)) }
                }
                await dispatcher.enqueue(url: "http://127.0.0.1:\(healthyPort)/hook", body: Array(#"{"sağlıklı":true}"#.utf8))
                let service = Task { try await dispatcher.run() }
                defer {
                    service.cancel()
                    hanging.release()
                }
                try await Self.within(.seconds(30)) {
                    // The healthy receiver is served while every hanging one holds its attempts.
                    while await dispatcher.delivered < 1 { await Task.yield() }
                    var iterator = hanging.arrivals.makeAsyncIterator()
                    for _ in 0..<12 { await iterator.next() }
                }
                #expect(healthy.bodies.withLock { $0.map { String(decoding: $0, as: UTF8.self) } } == [#"{"sağlıklı":true}"#])
                // Two in flight per hanging receiver, the third still queued.
                #expect(await dispatcher.pending == 6)
            }
        }
    }

    /// A receiver's queue drains at the speed it answers: an attempt that ends starts the next due delivery at once.
    /// The service turns once here (all 200 are queued before it starts, on a manual clock), so without that only the
    /// first of 200 deliveries would be sent.
    @Test func aReceiversQueueDrainsWithoutWaitingForThePoll() async throws {
        let receiver = Receiver()
        try await receiver.app.test(.live) { client in
            let port = try #require(client.port)
            let dispatcher = CallbackDispatcher(clock: clock, timeout: .seconds(60))  // a loaded machine answers late: no retry for it
            for index in 0..<200 { await dispatcher.enqueue(url: "http://127.0.0.1:\(port)/hook", body: Array("{\"n\":\(index)}".utf8)) }
            let service = Task { try await dispatcher.run() }
            defer { service.cancel() }
            try await Self.within(.seconds(60)) {
                while await dispatcher.delivered < 200 { await Task.yield() }
            }
            // One in flight (the default): in the order they were queued.
            #expect(receiver.bodies.withLock { $0.map { String(decoding: $0, as: UTF8.self) } } == (0..<200).map { "{\"n\":\($0)}" })
        }
    }

    /// Runs `body`, failing the test if it takes longer than `limit` (a watchdog, never a wait for a result).
    static func within(_ limit: Duration, _ body: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await body(); return true }
            group.addTask { try await Task.sleep(for: limit); return false }
            let finished = try await group.next() ?? false
            group.cancelAll()
            #expect(finished, "not done within \(limit)")
        }
    }
}
