import FuzzSupport
import HTTPTypes
import EuromsgExpress
import MockProviders
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
    // Every simulation is synchronous: the calls run on this thread, with no task to wait for.
    for account in scenario.nodeAPI.accounts.prefix(3) {
        _ = try? mocks.nodeAPI.respond(to: UserCreditRequest(), as: account.username)
        _ = try? mocks.nodeAPI.respond(to: ListSendersRequest(), as: account.username)
    }
    for account in scenario.iys.accounts.prefix(3) {
        if let token = try? mocks.iys.issueToken(TokenRequest(username: account.username, password: account.password)) {
            for brand in account.brands.prefix(3) { _ = try? mocks.iys.respond(to: ConsentQueryRequest(brandCode: brand.code), as: account.username) }
            _ = mocks.iys.user(forToken: token.accessToken)
        }
    }
    for integrator in scenario.euromsg.integrators.prefix(3) {
        _ = try? mocks.euromsg.issueToken(ExpressTokenRequest(clientName: integrator.clientName, password: integrator.password))
    }
    for user in scenario.euromsg.endUsers.prefix(3) {
        _ = try? mocks.euromsg.lists(user.apiKey)
        _ = try? mocks.euromsg.campaigns(user.apiKey, CampaignQuery())
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_scenario_main")
public func fuzzscenarioMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzScenario)
}
