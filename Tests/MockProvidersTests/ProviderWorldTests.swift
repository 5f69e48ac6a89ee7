import MockFixtures
import MockProviders
import MockSimulations
import MySoftIYS
import NodeAPI
import Testing

/// The three providers' state of one world as one value: the İYS state owns the consents and lends them to the Node
/// API for its calls; a world's snapshot and reset take its one lock.
@Suite struct ProviderWorldTests {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)
    static let brand = "5565656556"
    static let consent = ConsentData(
        recipient: "+905551230077", type: .message, consentDate: IYSDateTime("2025-03-10 09:00:00"), source: .web, status: .approved
    )

    func world() -> ProviderWorld {
        var account = ScenarioFixtures.admin
        account.iysBrandCode = Self.brand
        return ProviderWorld(ProviderWorldState(
            nodeAPI: NodeAPIState(accounts: [account], now: clock.now()), iys: IYSState(accounts: [ScenarioFixtures.iysAdmin], now: clock.now())
        ))
    }

    /// What a Node API call writes into the lent consents is the İYS state's afterwards, and the Node API keeps none.
    @Test func aNodeAPICallWritesTheIYSConsents() throws {
        let world = world()
        let before = world.withLock { $0.iys.consents.count }
        let saved = world.nodeAPI.withLock { state in
            guard state.consents != nil else { return false }
            _ = try? state.consents?.save(brand: Self.brand, Self.consent, at: 0, forwardingFails: false, transactionId: "t")
            return true
        }
        #expect(saved, "the consents were lent")
        #expect(world.withLock { $0.iys.consents.count } == before + 1)
        #expect(world.withLock { $0.nodeAPI.consents == nil }, "the loan ends with the call")
    }

    /// A Node API call that fails gives the consents back all the same.
    @Test func aFailingNodeAPICallGivesTheConsentsBack() {
        let world = world()
        let before = world.withLock { $0.iys.consents.count }
        #expect(before > 0, "the scenario seeds consents")
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try world.nodeAPI.withLock { (_: inout NodeAPIState) throws(Refused) -> Int in throw Refused() }
        }
        #expect(world.withLock { $0.iys.consents.count } == before)
        #expect(world.withLock { $0.iys.consents.allowsCommercialSMS(brand: Self.brand, number: "905551230011") })
    }

    /// The Node API's gate reads the consents the İYS API wrote in the same world: no store is shared by reference.
    @Test func theGateReadsWhatTheIYSAPIWrote() throws {
        let world = world()
        let iys = IYSSimulation(state: world.iys, clock: clock)
        let sms = NodeAPISimulation(state: world.nodeAPI, clock: clock)
        var request = CreateSmsRequest(recipients: .oneToMany(["905551230077"]), sender: "BASLIK", title: "Kampanya", content: "İndirim")
        request.commercial = true
        _ = try iys.respond(to: SendConsentRequest(brandCode: Self.brand, consentData: Self.consent), as: ScenarioFixtures.iysAdmin.username)
        clock.advance(seconds: 120)
        let created = try sms.respond(to: request, as: "admin")
        clock.advance(seconds: 10)
        #expect(try sms.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list.map(\.state) == [.delivered])
    }

    /// A reset replaces the three providers' state under the world's one lock: the İYS consents the gate reads go back
    /// to the scenario's with İYS.
    @Test func aResetReplacesTheWorldAtOnce() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: clock)
        let iysUser = try #require(mocks.scenario.iys.accounts.first?.username)
        let brand = try #require(mocks.scenario.iys.accounts.first?.brands.first?.code)
        let seeded = mocks.world.withLock { $0.iys.consents.count }
        _ = try mocks.iys.respond(to: SendConsentRequest(brandCode: brand, consentData: Self.consent), as: iysUser)
        #expect(mocks.world.withLock { $0.iys.consents.count } == seeded + 1)
        await mocks.reset()
        #expect(mocks.world.withLock { $0.iys.consents.count } == seeded)
    }
}
