import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MockAdmin
@_spi(MockInternals) @testable import MockProviders
@_spi(MockInternals) @testable import MockSimulations
import Testing

/// Issue 23, item 2: YAML is bounded before anything is built from it (nodes with aliases expanded, depth, anchors), and
/// a scenario sent over the network is parsed off the threads that serve requests.
@Suite struct YAMLBoundsTests {
    /// Nine levels of ten aliases each under an unknown top-level key: a billion nodes to any walk of the tree.
    static func bomb(levels: Int = 9, key: String = "x") -> String {
        var lines = ["a0: &a0 [x,x,x,x,x,x,x,x,x,x]"]
        for level in 1..<levels {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        lines.append("\(key): *a\(levels - 1)")
        return lines.joined(separator: "\n")
    }

    @Test func anAliasBombIsRefusedWithItsLine() throws {
        let start = ContinuousClock.now
        #expect(throws: ScenarioError.self) { try Scenario.parse(Self.bomb(), file: "bomb.yaml") }
        do {
            _ = try Scenario.parse(Self.bomb(), file: "bomb.yaml")
        } catch {
            #expect(error.message.hasPrefix("bomb.yaml:"), "\(error.message)")
            #expect(error.message.contains("aliases are expanded"), "\(error.message)")
        }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    /// An alias as a mapping key is hashed whole by the composer: it is counted before the composer sees it.
    @Test func anAliasAsAKeyIsCountedToo() {
        var text = Self.bomb(levels: 8)
        text += "\nk: { *a7 : 1 }"
        #expect(throws: YAMLBounds.Exceeded.self) { try YAMLBounds().check(text) }
    }

    @Test func depthAndAnchorsAreBounded() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: YAMLBounds.Exceeded(line: 1, message: "nests deeper than 64 levels")) { try YAMLBounds().check(deep) }
        var bounds = YAMLBounds()
        bounds.maxAnchors = 3
        #expect(throws: YAMLBounds.Exceeded.self) { try bounds.check("[&a 1, &b 2, &c 3, &d 4]") }
        #expect(throws: Never.self) { try bounds.check("[&a 1, &b 2, &c 3, *a, *b]") }
    }

    /// What a scenario writer does with aliases still works: shared blocks, and the bundled scenario.
    @Test func ordinaryAliasesStillWork() throws {
        let yaml = """
        nodeAPI:
          accounts:
            - &account { username: one, password: p1, userUUID: u1, credit: 10 }
            - { username: two, password: p2, userUUID: u2, credit: 20 }
        """
        #expect(throws: Never.self) { try YAMLBounds().check(yaml) }
        #expect(try Scenario.parse(yaml, file: "a.yaml").nodeAPI.accounts.map(\.username) == ["one", "two"])
        #expect(throws: Never.self) { try YAMLBounds().check(try Scenario.bundledSource()) }
        // A million scalars in one flat sequence is at the bound; one more is over it.
        var bounds = YAMLBounds()
        bounds.maxNodes = 1000
        #expect(throws: Never.self) { try bounds.check("[" + Array(repeating: "1", count: 999).joined(separator: ",") + "]") }
        #expect(throws: YAMLBounds.Exceeded.self) { try bounds.check("[" + Array(repeating: "1", count: 1000).joined(separator: ",") + "]") }
    }

    /// Three bombs at once to `PUT /__admin/scenario`: each is a 400 naming the body, and the health route of the
    /// Node API answers meanwhile.
    @Test func bombsSentToTheAdminAPIAreRefusedWhileTheMocksAnswer() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            try await withThrowingTaskGroup(of: (HTTPResponse.Status, AdminModels.Failure?).self) { group in
                for index in 0..<3 {
                    group.addTask {
                        let reply = try await admin.execute(uri: "/__admin/scenario", method: .put, headers: [.contentType: "application/yaml"],
                                                            body: ByteBuffer(string: Self.bomb(key: "unknown\(index)")))
                        return (reply.status, try? JSONDecoder().decode(AdminModels.Failure.self, from: reply.body))
                    }
                }
                for try await (status, failure) in group {
                    #expect(status == .badRequest)
                    #expect(failure?.field == "body")
                }
            }
        }
        try await Application(router: mocks.nodeAPIRouter()).test(.router) { client in
            let health = try await client.execute(uri: "/mock/health", method: .get)
            #expect(health.status == .ok)
        }
        #expect(mocks.scenario == (try Scenario.bundled()), "nothing was half-applied")
    }
}
