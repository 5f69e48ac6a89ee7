import FuzzSupport
import HTTPTypes
import MockProviders

/// The scenario loader: the input is a scenario file. A scenario is refused with `file:line`, or it builds the three
/// mocks (which seed lists, consents, campaigns and allowances from it) and each answers a first call.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let scenario = try? Scenario.parse(text, file: "fuzz.yaml") else { return 0 }
    let mocks = ProviderMocks(scenario: scenario, clock: ManualClock())
    let nodeAPI = InProcessRouter(mocks.nodeAPIRouter())
    for account in scenario.nodeAPI.accounts.prefix(3) {
        let credentials = "\(account.username):\(account.password)"
        let reply = nodeAPI.respond(.post, "/user/credit", headers: [.authorization: "Basic " + Base64.encode(credentials)], body: [])
        Oracle.expectNoServerError(reply, "POST /user/credit as \(account.username)")
        let list = nodeAPI.respond(.post, "/sms/list-sender", headers: [.authorization: "Basic " + Base64.encode(credentials)], body: [])
        Oracle.expectNoServerError(list, "POST /sms/list-sender as \(account.username)")
    }
    let iys = InProcessRouter(mocks.iysRouter())
    for account in scenario.iys.accounts.prefix(3) {
        let reply = iys.respond(.post, "/oauth/token", headers: [.contentType: "application/x-www-form-urlencoded"],
                                body: Array("grant_type=password&username=\(account.username)&password=\(account.password)".utf8))
        Oracle.expectNoServerError(reply, "POST /oauth/token as \(account.username)")
    }
    let euromsg = InProcessRouter(mocks.euromsgRouter())
    for integrator in scenario.euromsg.integrators.prefix(3) {
        let reply = euromsg.respond(.post, "/tokens", headers: [.contentType: "application/json"], body: Array(
            #"{"clientName":"\#(integrator.clientName)","password":"\#(integrator.password)"}"#.utf8))
        Oracle.expectNoServerError(reply, "POST /tokens as \(integrator.clientName)")
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_scenario_main")
public func fuzzscenarioMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzScenario)
}
