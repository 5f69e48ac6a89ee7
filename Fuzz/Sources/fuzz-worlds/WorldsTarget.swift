import Foundation
import FuzzSupport
import HTTPTypes
@_spi(MockInternals) import MockProviders
@_spi(MockInternals) import MockSimulations
import Synchronization

/// The worlds of a shared mock (issue 26), through the ports as `serve` builds them: every world-aware path of every port
/// (the prefix `/worlds/ID/…`, the header `X-Mock-World`, a world's own logins in a Basic header, a SOAP envelope, an
/// İYS or Euromsg token request, a bearer token that names its world, `/__admin/worlds/ID/…` and its tokens).
///
/// The input is `FACE METHOD target`, then optional header lines `H:Name: value`, then an empty line and the body; FACE
/// is `node`, `iys`, `euromsg` or `admin`. In the target, the headers and the body, `{A}` and `{B}` stand for two worlds'
/// ids, `{TA}` for A's admin token, `{UA}`/`{PA}` for A's own Node API login and password, `{BA}` for that login as
/// Basic credentials, `{IA}`/`{IPA}` for A's İYS login, `{EA}`/`{EPA}` for its Euromsg integrator. No reply is a server
/// error (on the Node API, a 500 only with a SOAP Fault that blames the client), and every port but the Node API (SOAP,
/// WSDL) and the admin page answers JSON.
private let harness = WorldsHarness()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorlds(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    let ports = harness.next()
    let input = ports.substitute(text)
    var lines = input.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let first = lines.first.map(String.init) ?? ""
    var rest = lines.count > 1 ? String(lines[1]) : ""
    var headers: HTTPFields = [:]
    while rest.hasPrefix("H:") {
        lines = rest.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let line = lines[0].dropFirst(2)
        if let colon = line.firstIndex(of: ":"), let name = HTTPField.Name(String(line[..<colon])) {
            headers[name] = String(line[line.index(after: colon)...].drop { $0 == " " })
        }
        rest = lines.count > 1 ? String(lines[1]) : ""
    }
    if rest.hasPrefix("\n") { rest.removeFirst() }
    let words = first.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    guard words.count == 3, let method = HTTPRequest.Method(String(words[1])) else { return 0 }
    let target = requestTarget(String(words[2]))
    if isLongPoll(target) { return 0 }
    let router: InProcessRouter
    switch words[0] {
    case "node": router = ports.nodeAPI
    case "iys": router = ports.iys
    case "euromsg": router = ports.euromsg
    case "admin": router = ports.admin
    default: return 0
    }
    let what = "\(words[0]) \(method) \(target)"
    let reply = router.respond(method, target, headers: headers, body: Array(rest.utf8))
    // SOAP answers an unusable message with a 500 and a Fault that blames the client, as SOAP 1.1 does.
    if words[0] == "node" { Oracle.expectOnlyClientFaults(reply, what) } else { Oracle.expectNoServerError(reply, what) }
    let type = reply.headers[.contentType] ?? ""
    if words[0] == "node" || reply.status == 204 || type.hasPrefix("text/html") || type.hasPrefix("application/yaml") { return 0 }
    Oracle.expectJSON(reply, arrays: true, what)
    return 0
}

/// The event streams and waits, however their path is spelled (in the default world's admin API or a world's): they
/// answer when something happens or their time is up, which an input one at a time cannot show.
private func isLongPoll(_ target: String) -> Bool {
    let path = String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    let decoded = (path.removingPercentEncoding ?? path).split(separator: "/").joined(separator: "/")
    return decoded.contains("events") || decoded.contains("sms/wait")
}

/// The ports of the bundled scenario's mocks with two worlds, rebuilt every 1000 inputs so that state stays small.
final class WorldsHarness: Sendable {
    struct Ports: Sendable {
        var nodeAPI, iys, euromsg, admin: InProcessRouter
        var substitutions: [(String, String)]

        func substitute(_ text: String) -> String {
            guard text.contains("{") else { return text }
            return substitutions.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
    }

    private let state = Mutex<(ports: Ports?, inputs: Int)>((nil, 0))
    private let scenario: Scenario

    init() { scenario = MockHarness.smallScenario() }

    func next() -> Ports {
        let current = state.withLock { state -> Ports? in
            state.inputs += 1
            if state.inputs % 1000 == 1 { state.ports = nil }
            return state.ports
        }
        if let current { return current }
        let ports = build()
        state.withLock { $0.ports = ports }
        return ports
    }

    private func build() -> Ports {
        let mocks = ProviderMocks(scenario: scenario, clock: ManualClock())
        let world = mocks.ports(maxWorlds: 4)
        let admin = InProcessRouter(responder: world.admin)
        func create() -> [String: Any] {
            let reply = admin.respond(.post, "/__admin/worlds", headers: [.contentType: "application/json"], body: Array(#"{"clock": "manual"}"#.utf8))
            guard let object = try? JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any] else {
                Oracle.fail("no world: \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
            }
            return object
        }
        let a = create(), b = create()
        func login(_ key: String) -> (String, String) {
            let first = ((a["credentials"] as? [String: Any])?[key] as? [[String: String]])?.first
            return (first?["username"] ?? "", first?["password"] ?? "")
        }
        let (user, password) = login("nodeAPIWorldLogins"), (iysUser, iysPassword) = login("iysWorldLogins")
        let (client, clientPassword) = login("euromsgWorldLogins")
        return Ports(
            nodeAPI: InProcessRouter(responder: world.nodeAPI), iys: InProcessRouter(responder: world.iys),
            euromsg: InProcessRouter(responder: world.euromsg), admin: admin,
            substitutions: [
                ("{TA}", a["token"] as? String ?? ""), ("{UA}", user), ("{PA}", password), ("{BA}", Base64.encode("\(user):\(password)")),
                ("{IA}", iysUser), ("{IPA}", iysPassword), ("{EA}", client), ("{EPA}", clientPassword),
                ("{A}", a["id"] as? String ?? ""), ("{B}", b["id"] as? String ?? ""),
            ]
        )
    }
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_worlds_main")
public func fuzzWorldsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzWorlds)
}
