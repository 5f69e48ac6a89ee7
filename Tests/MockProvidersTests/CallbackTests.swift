import Foundation
import Hummingbird
import HummingbirdTesting
import MockProviders
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
            let router = Router()
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
        return try await simulation.createSms(for: "admin", request).pkgID
    }

    @Test func reportsReachTheReceiverOnceAsItemsBecomeFinal() async throws {
        let receiver = Receiver()
        try await receiver.app.test(.live) { client in
            let port = try #require(client.port)
            let simulation = simulation()
            let dispatcher = CallbackDispatcher(clock: clock)
            let id = try await send(simulation, to: "http://127.0.0.1:\(port)/hook")
            await simulation.deliverReports(through: dispatcher)
            #expect(receiver.bodies.withLock { $0.isEmpty })
            clock.advance(seconds: 5)
            await simulation.deliverReports(through: dispatcher)
            await simulation.deliverReports(through: dispatcher)
            let first = try receiver.bodies.withLock { try JSONDecoder().decode(DeliveryReport.self, from: Data(try #require($0.first))) }
            #expect(first.pkgID == id)
            #expect(first.customID == "siparis-7")
            #expect(first.items.map(\.target) == ["905551230011", "905551230001"])
            #expect(first.items.map(\.state) == [.delivered, .undelivered])
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

    @Test func theQueueIsBounded() async {
        let dispatcher = CallbackDispatcher(clock: clock, capacity: 2)
        for _ in 0..<5 { await dispatcher.enqueue(url: "http://127.0.0.1:9/none", body: []) }
        #expect(await dispatcher.pending == 2)
        #expect(await dispatcher.dropped == 3)
    }
}
