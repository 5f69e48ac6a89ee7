import Foundation
import HTTPTypes
import MockProviders
import MockSimulations
import Synchronization

/// The mocks of the bundled scenario on a manual clock, rebuilt every ``inputsPerState`` inputs so that their state
/// stays small and runs stay reproducible; the clock moves one second per input, so that time-driven rules run too.
public final class MockHarness: Sendable {
    public struct Mocks: Sendable {
        public var mocks: ProviderMocks
        public var clock: ManualClock
        public var nodeAPI: InProcessRouter
        public var iys: InProcessRouter
        public var euromsg: InProcessRouter
        public var admin: InProcessRouter
        /// Headers every call of a provider carries: Basic auth, bearer tokens, the identified API key.
        public var nodeAPIHeaders: HTTPFields
        public var iysHeaders: HTTPFields
        public var euromsgHeaders: HTTPFields
    }

    public static let inputsPerState = 1000
    private let scenario: Scenario
    private let state: Mutex<(mocks: Mocks?, inputs: Int)> = Mutex((nil, 0))

    public init() { scenario = Self.smallScenario() }

    /// The bundled scenario with small tables, so that a rebuild is cheap and memory stays low under ASan.
    public static func smallScenario() -> Scenario {
        do {
            var scenario = try Scenario.bundled()
            scenario.nodeAPI.retainedPackagesPerUser = 1000
            scenario.nodeAPI.journalSize = 16
            scenario.iys.journalSize = 16
            scenario.euromsg.journalSize = 16
            return scenario
        } catch {
            Oracle.fail("the bundled scenario does not load: \(error)")
        }
    }

    /// The mocks for the next input; the clock has moved one second since the last.
    public func next() -> Mocks {
        let (current, fresh) = state.withLock { state -> (Mocks?, Bool) in
            state.inputs += 1
            if state.inputs % Self.inputsPerState == 1 { state.mocks = nil }
            return (state.mocks, state.mocks == nil)
        }
        if let current, !fresh {
            current.clock.advance(seconds: 1)
            return current
        }
        let mocks = build()
        state.withLock { $0.mocks = mocks }
        return mocks
    }

    private func build() -> Mocks {
        let clock = ManualClock()
        let mocks = ProviderMocks(scenario: scenario, clock: clock)
        let iys = InProcessRouter(mocks.iysRouter())
        let euromsg = InProcessRouter(mocks.euromsgRouter())
        let token = iys.respond(.post, "/oauth/token", headers: [.contentType: "application/x-www-form-urlencoded"],
                                body: Array("grant_type=password&username=admin&password=123456".utf8))
        let iysToken = token.jsonString("access_token") ?? ""
        let express = euromsg.respond(.post, "/tokens", headers: [.contentType: "application/json"], body: Array(#"{"clientName":"admin","password":"123456"}"#.utf8))
        let expressToken = express.jsonString("tokenValue") ?? ""
        if iysToken.isEmpty || expressToken.isEmpty { Oracle.fail("no token from the İYS or Euromsg mock") }
        _ = euromsg.respond(.put, "/apiKey/identification?apiKey=EXP-DEMO-7F3A9C21", headers: [.authorization: "Bearer \(expressToken)"], body: [])
        return Mocks(
            mocks: mocks, clock: clock, nodeAPI: InProcessRouter(mocks.nodeAPIRouter()), iys: iys, euromsg: euromsg,
            admin: InProcessRouter(mocks.adminRouter()),
            nodeAPIHeaders: [.authorization: "Basic " + Data("admin:123456".utf8).base64EncodedString(), .contentType: "application/json"],
            iysHeaders: [.authorization: "Bearer \(iysToken)", .contentType: "application/json"],
            euromsgHeaders: [.authorization: "Bearer \(expressToken)", .contentType: "application/json"]
        )
    }
}

/// A request target as an HTTP parser lets it reach a router: it starts with `/`, and bytes outside visible ASCII
/// are percent-encoded (NIO's parser refuses them on a real connection).
public func requestTarget(_ text: String) -> String {
    var target = text.hasPrefix("/") ? "" : "/"
    for byte in text.utf8 {
        if (0x21...0x7E).contains(byte) {
            target.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
            target += "%" + String(byte, radix: 16, uppercase: true).leftPadded
        }
    }
    return target
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
