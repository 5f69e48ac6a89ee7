import MockSimulations

/// The bundled scenario, for tests that need the document's sample account.
package enum ScenarioFixtures {
    package static let admin: NodeAPIAccount = (try? Scenario.bundled())?.nodeAPI.accounts.first
        ?? NodeAPIAccount(username: "bundled default.yaml did not load", password: "", userUUID: "", credit: 0)
    package static let iysAdmin: IYSAccount = (try? Scenario.bundled())?.iys.accounts.first
        ?? IYSAccount(username: "bundled default.yaml did not load", password: "", brands: [])

    /// The end user API key of the bundled scenario's demo account (Euromsg Express).
    package static let expressDemo = "EXP-DEMO-7F3A9C21"

    /// The problem a scenario's text has, as its error reads; nil when it parses.
    package static func problem(_ yaml: String, file: String = "e.yaml") -> String? {
        do {
            _ = try Scenario.parse(yaml, file: file)
            return nil
        } catch {
            return error.message
        }
    }
}
