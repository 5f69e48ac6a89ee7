/// The logins minted for a world (issue 26), for every account of its scenario on each provider: the account's name
/// with the world's id after a dot (`admin.ID`), and a password of its own. They are unique across worlds, so an
/// application under test that is given them lands in its world at the plain base URL, with no prefix or header: the
/// port finds the world by the id in the name (``MockWorlds/world(ofLogin:)``), and the world's simulation takes the
/// login as its account. A bearer token issued to such a login starts with the world's id and a dot, and is found the
/// same way (``MockWorlds/world(ofToken:)``).
package struct WorldLogins: Codable, Sendable, Hashable {
    package var nodeAPI: [MintedLogin] = []
    package var iys: [MintedLogin] = []
    /// Euromsg Express integrators (`clientName`).
    package var euromsg: [MintedLogin] = []
    /// Euromsg Express end users' API keys (`KEY.ID`): each names its scenario end user in the world, and no end user
    /// in another world, so an application given a world's API key and another world's token is told the key is unknown.
    package var euromsgAPIKeys: [MintedAPIKey] = []

    package init() {}

    /// A login per account of `scenario`, for the world `id`, each with a fresh password.
    package init(scenario: Scenario, world id: String) {
        func minted(_ account: String) -> MintedLogin {
            MintedLogin(username: "\(account).\(id)", password: RandomToken.make(length: 24), account: account, world: id)
        }
        nodeAPI = scenario.nodeAPI.accounts.map { minted($0.username) }
        iys = scenario.iys.accounts.map { minted($0.username) }
        euromsg = scenario.euromsg.integrators.map { minted($0.clientName) }
        euromsgAPIKeys = scenario.euromsg.endUsers.map { MintedAPIKey(key: "\($0.apiKey).\(id)", apiKey: $0.apiKey) }
    }

    enum CodingKeys: String, CodingKey { case nodeAPI, iys, euromsg, euromsgAPIKeys }

    /// A state file written before API keys were minted has none.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nodeAPI = try container.decode([MintedLogin].self, forKey: .nodeAPI)
        iys = try container.decode([MintedLogin].self, forKey: .iys)
        euromsg = try container.decode([MintedLogin].self, forKey: .euromsg)
        euromsgAPIKeys = try container.decodeIfPresent([MintedAPIKey].self, forKey: .euromsgAPIKeys) ?? []
    }

    /// By minted name.
    package static func table(_ logins: [MintedLogin]) -> [String: MintedLogin] {
        Dictionary(logins.map { ($0.username, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// An end user's API key minted for a world: the key, and the scenario's key of the end user it stands for.
package struct MintedAPIKey: Codable, Sendable, Hashable {
    package var key: String
    package var apiKey: String
}

/// A login minted for a world: its name and password, the scenario account it stands for in the world, and the world.
package struct MintedLogin: Codable, Sendable, Hashable {
    package var username: String
    package var password: String
    package var account: String
    package var world: String

    /// The account when `password` is this login's.
    func account(password given: String?) -> String? { given == password ? account : nil }

    /// A bearer token for the login: the world's id, a dot, and `random`, so that the token finds its world too.
    func token(_ random: String) -> String { "\(world).\(random)" }
}
