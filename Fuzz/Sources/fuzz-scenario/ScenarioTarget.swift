import EuromsgExpress
import Foundation
import FuzzSupport
import HTTPTypes
import MockProviders
import MockSimulations
import MySoftIYS
import NodeAPI

/// The scenario loader: the input is a scenario file. A scenario is refused with `file:line`, or it builds the three
/// mocks (which seed lists, consents, campaigns and allowances from it) and each answers a first call as each of the
/// scenario's first accounts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard var parsed = try? Scenario.parse(text, file: "fuzz.yaml") else { return 0 }
    // The package table is sized for the retention up front: a small one keeps each input cheap.
    parsed.nodeAPI.retainedPackagesPerUser = min(parsed.nodeAPI.retainedPackagesPerUser, 1000)
    let scenario = parsed
    let mocks = ProviderMocks(scenario: scenario, clock: ManualClock())
    // A few calls per mock through its routes, as a client makes them, with the scenario's own accounts.
    let nodeAPI = InProcessRouter(mocks.nodeAPIRouter())
    for account in scenario.nodeAPI.accounts.prefix(3) {
        let headers: HTTPFields = [.authorization: "Basic " + Data("\(account.username):\(account.password)".utf8).base64EncodedString(), .contentType: "application/json"]
        _ = nodeAPI.respond(.post, "/user/credit", headers: headers, body: Array("{}".utf8))
        _ = nodeAPI.respond(.post, "/sms/list-sender", headers: headers, body: Array("{}".utf8))
    }
    let iys = InProcessRouter(mocks.iysRouter())
    for account in scenario.iys.accounts.prefix(3) {
        let form = "grant_type=password&username=\(formEncoded(account.username))&password=\(formEncoded(account.password))"
        let token = iys.respond(.post, "/oauth/token", headers: [.contentType: "application/x-www-form-urlencoded"], body: Array(form.utf8))
        guard let value = token.jsonString("access_token") else { continue }
        for brand in account.brands.prefix(3) {
            let body = (try? JSONEncoder().encode(ConsentQueryRequest(brandCode: brand.code))).map(Array.init) ?? []
            _ = iys.respond(.post, "/api/IYSConsent/ConsentQuery", headers: [.authorization: "Bearer \(value)", .contentType: "application/json"], body: body)
        }
    }
    let euromsg = InProcessRouter(mocks.euromsgRouter())
    var expressToken: String?
    for integrator in scenario.euromsg.integrators.prefix(3) {
        let body = (try? JSONEncoder().encode(ExpressTokenRequest(clientName: integrator.clientName, password: integrator.password))).map(Array.init) ?? []
        let reply = euromsg.respond(.post, "/tokens", headers: [.contentType: "application/json"], body: body)
        expressToken = expressToken ?? reply.jsonString("tokenValue")
    }
    if let expressToken {
        for user in scenario.euromsg.endUsers.prefix(3) {
            let headers: HTTPFields = [.authorization: "Bearer \(expressToken)", HTTPField.Name("apiKey")!: user.apiKey]
            _ = euromsg.respond(.get, "/email-list", headers: headers, body: [])
            _ = euromsg.respond(.get, "/campaign", headers: headers, body: [])
        }
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_scenario_main")
public func fuzzscenarioMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzScenario)
}

private func formEncoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
}
