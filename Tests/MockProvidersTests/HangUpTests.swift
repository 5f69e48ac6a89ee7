import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MockProviders
@testable import MockSimulations
import ProviderMockTesting
import Testing

/// Issue 23, items 9 and 11: a request that waits on something other than its client (a long poll, an event stream, a
/// fault's delay) gives up its place as soon as the client hangs up, not at its timeout or next write.
@Suite struct HangUpTests {
    /// Until `condition` holds, within thirty seconds of the clock on the wall (the whole suite runs at once on two
    /// cores): the server notices a closed connection a moment after the client closes it.
    static func eventually(_ what: String, _ condition: () -> Bool) async {
        let deadline = ContinuousClock.now + .seconds(30)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("never: \(what)")
                return
            }
            await Task.yield()
        }
    }

    static let wait = "GET /__admin/sms/wait?timeout=120 HTTP/1.1\r\nHost: localhost\r\n\r\n"

    /// 256 long polls whose clients close at once used to leave every wait and event stream refused (503) for two minutes.
    @Test func hungUpLongPollsAndStreamsFreeTheirPlacesAtOnce() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        try await ProviderMockHarness.withMocks(mocks) { running in
            let port = try #require(running.admin.port)
            var polls = try (0..<MockEvents.maxSubscribers).map { _ in try RawConnection(port: port) }
            for poll in polls { poll.write(Self.wait) }
            await Self.eventually("every wait subscribed") { mocks.events.subscriberCount == MockEvents.maxSubscribers }
            do {
                // Closed at once, whatever it got: it must not take a place the check below counts.
                let refused = try RawConnection(port: port)
                refused.write(Self.wait)
                #expect(await refused.read(within: 30) { $0.contains("}") }?.hasPrefix("HTTP/1.1 503") == true, "the places are all taken")
            }
            polls.removeAll()
            await Self.eventually("every place freed") { mocks.events.subscriberCount == 0 }

            var streams = try (0..<8).map { _ in try RawConnection(port: port) }
            for stream in streams { stream.write("GET /__admin/events HTTP/1.1\r\nHost: localhost\r\n\r\n") }
            for stream in streams { #expect(await stream.read(within: 30) { $0.contains("provider-mock events") }?.hasPrefix("HTTP/1.1 200") == true) }
            await Self.eventually("every stream subscribed") { mocks.events.subscriberCount == 8 }
            streams.removeAll()
            await Self.eventually("every stream's place freed before its heartbeat") { mocks.events.subscriberCount == 0 }
        }
    }

    /// Four calls held by a two-minute `delay` fault, on a mock that serves four connections: their clients hang up, and
    /// the mock serves again at once; the calls did not run.
    @Test func aDelayFaultDoesNotHoldAHungUpConnection() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            _ = try await AdminFaultsTests.addFault(admin, #"{"provider": "node-api", "path": "/sms/create", "fault": "delay", "delayMs": 120000}"#)
        }
        let packages = mocks.nodeAPI.withState { state, _ in state.newestPackageID }
        try await ProviderMockHarness.withMocks(mocks, limits: ConnectionLimits(maxConnections: 4)) { running in
            let port = try #require(running.nodeAPI.port)
            let create = "POST /sms/create HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic YWRtaW46MTIzNDU2\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(AdminFaultsTests.create.utf8.count)\r\n\r\n" + AdminFaultsTests.create
            var held = try (0..<4).map { _ in try RawConnection(port: port) }
            for connection in held { connection.write(create) }
            // Every call is in the fault's wait (so its connection is counted) before the fifth connects.
            await Self.eventually("four calls held by the fault") { mocks.faults.list().first?.fired == 4 }
            let refused = try RawConnection(port: port)
            refused.write(ConnectionLimitsTests.request)
            #expect(await refused.readUntilClosed(within: 10)?.hasPrefix("HTTP/1.1 429") == true, "four connections are held")
            held.removeAll()
            let health = "GET /mock/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            var served = false
            let deadline = ContinuousClock.now + .seconds(10)
            while !served, ContinuousClock.now < deadline {
                let next = try RawConnection(port: port)
                next.write(health)
                served = await next.readUntilClosed(within: 10)?.hasPrefix("HTTP/1.1 200") == true
            }
            #expect(served, "the hung-up connections were let go before the delay's end")
            // One freed place serves the check above: each held call must see its client gone before the server stops
            // (a shutdown cuts a fault's wait short, and a call cut short that way runs).
            await Self.eventually("each held call ended on its hang-up") {
                mocks.journal(of: .nodeAPI).entries().filter { $0.warnings.contains { $0.contains("the client hung up during the wait") } }.count == 4
            }
        }
        #expect(mocks.nodeAPI.withState { state, _ in state.newestPackageID } == packages, "no delayed call ran")
    }
}
