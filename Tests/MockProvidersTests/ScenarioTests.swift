import MockProviders
import MockSimulations
import NodeAPI
import Testing

@Suite struct ScenarioTests {
    @Test func bundledDefaultSeedsTheDocumentsSampleAccount() throws {
        let scenario = try Scenario.bundled()
        let admin = try #require(scenario.nodeAPI.accounts.first)
        #expect(admin.username == "admin")
        #expect(admin.password == "123456")
        #expect(admin.credit == 100_000)
        #expect(admin.hasIysSettings)
        #expect(admin.senders.map(\.title) == ["BASLIK", "BEKLEYEN", "REDDEDILEN"])
        #expect(admin.senders.map(\.state) == [.approved, .pending, .rejected])
        #expect(admin.senders[0].otpApproved)
        #expect(!scenario.nodeAPI.errorsAsHTTP200)
    }

    @Test func bundledDeliveryRulesAreTheCodesDefaults() throws {
        #expect(try Scenario.bundled().nodeAPI.delivery == DeliveryRules.default)
    }

    @Test func readsAnotherScenario() throws {
        let yaml = """
        nodeAPI:
          errorsAsHTTP200: true
          strictRequests: true
          delivery:
            reportSeconds: 10
            magicNumbers:
              - { suffix: "9999", outcome: rejectedByOperator }
          accounts:
            - username: bayi
              password: gizli
              credit: 5
              senders:
                - title: FIRMA
              blacklist: ["0555 123 45 67"]
        """
        let scenario = try Scenario.parse(yaml, file: "test.yaml")
        #expect(scenario.nodeAPI.errorsAsHTTP200)
        #expect(scenario.nodeAPI.strictRequests)
        #expect(try !Scenario.bundled().nodeAPI.strictRequests)
        #expect(ProviderMocks(scenario: scenario, clock: ManualClock()).nodeAPIRoutes.policy.strictRequests)
        #expect(scenario.nodeAPI.delivery.reportSeconds == 10)
        #expect(scenario.nodeAPI.delivery.outcome(for: "905551239999") == .rejectedByOperator)
        #expect(scenario.nodeAPI.delivery.outcome(for: "905551230001") == .delivered)
        let account = try #require(scenario.nodeAPI.accounts.first)
        #expect(account.blacklist == ["905551234567"])
        #expect(account.senders.first?.state == .approved)
    }

    @Test func unknownKeyNamesTheLine() {
        let yaml = "nodeAPI:\n  accounts:\n    - username: a\n      password: b\n      credt: 5\n"
        #expect(throws: ScenarioError("s.yaml:5: nodeAPI.accounts[0].credt: unknown key (known: username, password, userUUID, userID, credit, hasIysSettings, iysBrandCode, senders, gateways, blacklist, dialect)")) {
            try Scenario.parse(yaml, file: "s.yaml")
        }
    }

    @Test func wrongTypeNamesTheLine() {
        let yaml = "nodeAPI:\n  accounts:\n    - username: a\n      password: b\n      credit: çok\n"
        do {
            _ = try Scenario.parse(yaml, file: "s.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("s.yaml:5: nodeAPI.accounts[0].credit: "))
        }
    }

    @Test func badValuesAreRefused() {
        #expect(throws: ScenarioError.self) { try Scenario.parse("nodeAPI:\n  delivery:\n    magicNumbers:\n      - { suffix: \"12\", outcome: undelivered }\n", file: "s") }
        #expect(throws: ScenarioError("s:4: nodeAPI.delivery.magicNumbers[0].outcome: 'lost' is not an outcome (delivered, undelivered, timedOut, rejectedByOperator, callbackFails)")) {
            try Scenario.parse("nodeAPI:\n  delivery:\n    magicNumbers:\n      - { suffix: \"1234\", outcome: lost }\n", file: "s")
        }
        #expect(throws: ScenarioError.self) { try Scenario.parse("nodeAPI:\n  accounts:\n    - username: a\n      password: b\n      senders:\n        - title: X\n          state: maybe\n", file: "s") }
        #expect(throws: ScenarioError.self) { try Scenario.parse("nodeAPI: [1, 2", file: "s") }
        #expect(throws: ScenarioError.self) { try Scenario.parse("nodeAPI:\n  accounts:\n    - password: b\n", file: "s") }
    }
}
