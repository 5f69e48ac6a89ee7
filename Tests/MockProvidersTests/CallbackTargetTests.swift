import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HummingbirdTesting
@testable import MockProviders
@testable import MockSimulations
import NodeAPI
import ProviderMockTesting
import Synchronization
import Testing

/// Issue 23, item 5: a callback never reaches the mocks' own listeners (by address, by name, by redirect), and a
/// scenario's allow-list narrows where callbacks go; each refusal is in `/__admin/callbacks`.
@Suite struct CallbackTargetTests {
    static let start: Int64 = 1_764_662_400_000

    static func sms(to url: String) -> CreateSmsRequest {
        var request = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Rapor \(url)")
        request.pushSettings = PushSettings(url: url)
        return request
    }

    /// The delivery report names the admin API's reset, by address and by name: refused, never sent, and the package
    /// it reports on is still there.
    @Test func aReportToTheMocksOwnAdminAPIIsRefused() async throws {
        try await ProviderMockHarness.withMocks(start: Self.start) { running in
            let admin = try #require(running.admin.port)
            let node = try #require(running.nodeAPI.port)
            let urls = ["http://127.0.0.1:\(admin)/__admin/reset", "http://localhost:\(admin)/__admin/reset", "http://[::1]:\(node)/sms/create",
                        "http://0.0.0.0:\(admin)/__admin/reset"]
            var ids: [Int] = []
            for url in urls { ids.append(try running.mocks.nodeAPI.respond(to: Self.sms(to: url), as: "admin").pkgID) }
            _ = try await running.control.advanceClock(by: .seconds(600))
            let callbacks = try await running.control.callbacks()
            #expect(callbacks.refused == urls.count)
            #expect(callbacks.delivered == 0 && callbacks.pending == 0)
            #expect(Set(callbacks.attempts.map(\.url)) == Set(urls))
            for attempt in callbacks.attempts {
                #expect(attempt.outcome == .refused)
                #expect(attempt.error?.contains("own listener") == true, "\(attempt.error ?? "")")
            }
            let listed = try running.mocks.nodeAPI.respond(to: ListSmsRequest(), as: "admin").list.map(\.id)
            #expect(Set(ids).isSubset(of: Set(listed)), "no reset happened")
        }
    }

    /// A receiver that redirects to the admin API gets its 307 logged; the redirect is not followed.
    @Test func aRedirectToTheAdminAPIIsNotFollowed() async throws {
        try await ProviderMockHarness.withMocks(start: Self.start) { running in
            let admin = try #require(running.admin.port)
            let router = Router(context: MockRequestContext.self)
            router.post("/hook") { _, _ in
                Response(status: .temporaryRedirect, headers: [.location: "http://127.0.0.1:\(admin)/__admin/reset"])
            }
            try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { receiver in
                let port = try #require(receiver.port)
                let id = try running.mocks.nodeAPI.respond(to: Self.sms(to: "http://127.0.0.1:\(port)/hook"), as: "admin").pkgID
                _ = try await running.control.advanceClock(by: .seconds(60))
                let attempt = try #require(try await running.control.callbacks().attempts.first)
                #expect(attempt.status == 307)
                #expect(try running.mocks.nodeAPI.respond(to: ListSmsRequest(), as: "admin").list.map(\.id).contains(id))
            }
        }
    }

    /// Whatever led a callback to a mock's port, the port refuses a request that carries this process's loop marker.
    @Test func everyMockPortRefusesTheMocksOwnCallbacks() async throws {
        try await ProviderMockHarness.withMocks(start: Self.start) { running in
            let marker = running.mocks.dispatcher.targets.loopMarker
            for base in [running.admin, running.nodeAPI, running.iys, running.euromsg] {
                var request = URLRequest(url: base.appendingPathComponent("__admin/reset"))
                request.httpMethod = "POST"
                request.setValue(marker, forHTTPHeaderField: CallbackTargets.loopHeader)
                let (_, response) = try await URLSession.shared.data(for: request)
                #expect((response as? HTTPURLResponse)?.statusCode == 403, "\(base)")
            }
        }
    }

    /// `callbacks.allowedHosts`: a host off the list is refused before anything is sent; one on it receives.
    @Test func theScenariosAllowListNarrowsTheTargets() async throws {
        let scenario = try Scenario.parse(try Scenario.bundledSource() + "\ncallbacks:\n  allowedHosts: [receiver.test, \"*.ci.example\"]\n", file: "a.yaml")
        #expect(scenario.callbacks.allowedHosts == ["receiver.test", "*.ci.example"])
        #expect(scenario.callbacks.allows("hooks.ci.example") && scenario.callbacks.allows("receiver.test"))
        #expect(!scenario.callbacks.allows("127.0.0.1") && !scenario.callbacks.allows("ci.example.evil"))
        let receiver = CallbackTests.Receiver()
        try await receiver.app.test(.live) { hooks in
            let port = try #require(hooks.port)
            try await ProviderMockHarness.withMocks(scenario: scenario, start: Self.start) { running in
                _ = try running.mocks.nodeAPI.respond(to: Self.sms(to: "http://127.0.0.1:\(port)/hook"), as: "admin")
                _ = try await running.control.advanceClock(by: .seconds(60))
                let callbacks = try await running.control.callbacks()
                #expect(callbacks.refused == 1)
                #expect(callbacks.attempts.first?.error?.contains("allowedHosts") == true)
            }
            #expect(receiver.bodies.withLock { $0.isEmpty })
        }
    }
}
