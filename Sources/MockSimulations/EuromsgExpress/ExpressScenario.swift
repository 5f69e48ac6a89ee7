import EuromsgExpress
import MySoftIYS

/// The Euromsg Express mock's part of a scenario (`euromsg:`): integrators' credentials, end users with their
/// API keys, sending rights, lists, members and campaigns; the token lifetime; how long a campaign takes to send.
public struct ExpressScenario: Sendable, Hashable, Decodable {
    public var integrators: [Integrator]
    public var endUsers: [ExpressEndUser]
    public var tokenLifetimeSeconds: Int
    public var campaignSendingSeconds: Double
    public var journalSize: Int
    /// Members (deleted ones included, as the panel keeps them) and lists one end user may have; beyond, an add is
    /// refused with `CONFLICT`, so that one client cannot fill the memory of a mock that others share.
    public var maxMembersPerEndUser: Int
    public var maxListsPerEndUser: Int
    public static let defaultMaxMembersPerEndUser = 100_000
    public static let defaultMaxListsPerEndUser = 1000

    /// An integrator (the CRM/ERP company) and the credentials Euromsg Express's product team gave it.
    public struct Integrator: Sendable, Hashable, Decodable {
        public var clientName: String
        public var password: String

        public init(clientName: String, password: String) {
            self.clientName = clientName
            self.password = password
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case clientName, password }

        public init(from decoder: any Decoder) throws {
            try ScenarioKeys.reject(CodingKeys.self, in: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(clientName: try container.decode(String.self, forKey: .clientName), password: try container.decode(String.self, forKey: .password))
        }
    }

    public init(
        integrators: [Integrator] = [], endUsers: [ExpressEndUser] = [], tokenLifetimeSeconds: Int = 3600,
        campaignSendingSeconds: Double = 10, journalSize: Int = 1000, maxMembersPerEndUser: Int = Self.defaultMaxMembersPerEndUser,
        maxListsPerEndUser: Int = Self.defaultMaxListsPerEndUser
    ) {
        self.maxMembersPerEndUser = maxMembersPerEndUser
        self.maxListsPerEndUser = maxListsPerEndUser
        self.integrators = integrators
        self.endUsers = endUsers
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.campaignSendingSeconds = campaignSendingSeconds
        self.journalSize = journalSize
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case integrators, endUsers, tokenLifetimeSeconds, campaignSendingSeconds, journalSize, maxMembersPerEndUser, maxListsPerEndUser
    }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            integrators: try container.decodeIfPresent([Integrator].self, forKey: .integrators) ?? [],
            endUsers: try container.decodeIfPresent([ExpressEndUser].self, forKey: .endUsers) ?? [],
            tokenLifetimeSeconds: try container.decodeIfPresent(Int.self, forKey: .tokenLifetimeSeconds, within: 1...315_360_000) ?? 3600,
            campaignSendingSeconds: try container.decodeIfPresent(Double.self, forKey: .campaignSendingSeconds, within: ScenarioBounds.seconds) ?? 10,
            journalSize: try container.decodeIfPresent(Int.self, forKey: .journalSize, within: ScenarioBounds.tableSize) ?? 1000,
            maxMembersPerEndUser: try container.decodeIfPresent(Int.self, forKey: .maxMembersPerEndUser, within: 1...10_000_000)
                ?? Self.defaultMaxMembersPerEndUser,
            maxListsPerEndUser: try container.decodeIfPresent(Int.self, forKey: .maxListsPerEndUser, within: 1...100_000) ?? Self.defaultMaxListsPerEndUser
        )
        if Set(endUsers.map(\.apiKey)).count != endUsers.count {
            throw DecodingError.dataCorruptedError(forKey: .endUsers, in: container, debugDescription: "two end users have the same apiKey")
        }
    }
}

extension ExpressEndUser: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case apiKey, name, iysIntegrator, signedUpDaysAgo, welcomeSendsUsed, package, lists, campaigns }

    enum PackageKeys: String, CodingKey, CaseIterable { case sends, used, daysLeft }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var allowance = AllowanceSeed(
            signedUpDaysAgo: try container.decodeIfPresent(Double.self, forKey: .signedUpDaysAgo, within: ScenarioBounds.days) ?? 0,
            welcomeSendsUsed: try container.decodeIfPresent(Int.self, forKey: .welcomeSendsUsed) ?? 0
        )
        if container.contains(.package) {
            let package = try container.superDecoder(forKey: .package)
            try ScenarioKeys.reject(PackageKeys.self, in: package)
            let fields = try package.container(keyedBy: PackageKeys.self)
            allowance.package = AllowanceSeed.PackageSeed(
                sends: try fields.decode(Int.self, forKey: .sends, within: ScenarioBounds.count),
                used: try fields.decodeIfPresent(Int.self, forKey: .used, within: ScenarioBounds.count) ?? 0,
                daysLeft: try fields.decode(Double.self, forKey: .daysLeft, within: -ScenarioBounds.days.upperBound...ScenarioBounds.days.upperBound)
            )
        }
        self.init(
            apiKey: try container.decode(String.self, forKey: .apiKey), name: try container.decode(String.self, forKey: .name),
            iysIntegrator: try container.decodeIfPresent(Bool.self, forKey: .iysIntegrator) ?? false, allowance: allowance,
            lists: try container.decodeIfPresent([ListSeed].self, forKey: .lists) ?? [],
            campaigns: try container.decodeIfPresent([CampaignSeed].self, forKey: .campaigns) ?? []
        )
        if !(0...SendingAllowance.welcomeSends).contains(allowance.welcomeSendsUsed) {
            throw DecodingError.dataCorruptedError(forKey: .welcomeSendsUsed, in: container, debugDescription: "must be between 0 and \(SendingAllowance.welcomeSends)")
        }
        let names = Set(lists.map(\.name))
        for campaign in campaigns {
            if let unknown = campaign.lists.first(where: { !names.contains($0) }) {
                throw DecodingError.dataCorruptedError(forKey: .campaigns, in: container, debugDescription: "campaign '\(campaign.name)' names list '\(unknown)', which this end user does not have")
            }
        }
    }
}

extension ExpressEndUser.ListSeed: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case name, members, unsubscribed }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let members = try container.decodeIfPresent([MemberSeed].self, forKey: .members) ?? []
        self.init(
            name: try container.decode(String.self, forKey: .name),
            members: members.map(\.request),
            unsubscribed: try container.decodeIfPresent([String].self, forKey: .unsubscribed) ?? []
        )
    }
}

/// A seeded member: the `POST /member` fields but the list, checked as the API checks them.
struct MemberSeed: Decodable {
    var request: AddMemberRequest

    enum CodingKeys: String, CodingKey, CaseIterable { case email, firstName, lastName, phone, iys }

    init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        request = AddMemberRequest(
            listId: 0, email: try container.decode(String.self, forKey: .email),
            firstName: try container.decodeIfPresent(String.self, forKey: .firstName),
            lastName: try container.decodeIfPresent(String.self, forKey: .lastName),
            phone: try container.decodeIfPresent(String.self, forKey: .phone),
            iys: try container.decodeIfPresent(MemberIYS.self, forKey: .iys)
        )
        do {
            try EmailAddress.validate(request.email)
            try request.iys?.validate()
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .email, in: container, debugDescription: error.message)
        }
    }
}

extension ExpressEndUser.CampaignSeed: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case name, subject, lists, status, sentDaysAgo, startsInMinutes }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let status = try container.decode(CampaignStatus.self, forKey: .status)
        let timing: Timing
        switch status {
        case .draft: timing = .draft
        case .error: timing = .failed
        case .sent: timing = .sent(daysAgo: try container.decodeIfPresent(Double.self, forKey: .sentDaysAgo, within: ScenarioBounds.days) ?? 1)
        case .pending: timing = .startsIn(minutes: try container.decodeIfPresent(Double.self, forKey: .startsInMinutes, within: ScenarioBounds.minutes) ?? 60)
        case .onGoing:
            throw DecodingError.dataCorruptedError(forKey: .status, in: container, debugDescription: "OnGoing is a passing state: seed Pending with a small startsInMinutes instead")
        }
        self.init(
            name: try container.decode(String.self, forKey: .name), subject: try container.decodeIfPresent(String.self, forKey: .subject) ?? "",
            lists: try container.decodeIfPresent([String].self, forKey: .lists) ?? [], timing: timing
        )
    }
}
