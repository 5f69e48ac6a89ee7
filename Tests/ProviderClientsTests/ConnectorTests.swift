@testable import Connector
import Foundation
import MockProviders
import MockSimulations
import MySoftIYS
import NodeAPI
import ProviderClients
import Testing

/// The connector against live mocks: configuration rules, the connection per İYS type, sender lists, rank-order
/// fail-over only when a provider is unavailable, custom API URLs, and both İYS modes.
@Suite struct ConnectorTests {
    static func connection(_ type: IYSMessageType = .notification, senders: [String] = ["BASLIK"], custom: String? = nil) -> ProviderConnection {
        ProviderConnection(
            username: "admin", password: "123456", smsIysMessageType: type, senderList: senders,
            customApiActive: custom != nil, customApiUrl: custom
        )
    }

    static func provider(_ name: String, rank: Int, _ url: String, _ connections: [ProviderConnection] = [connection()]) -> ProviderEntry {
        ProviderEntry(name: name, rank: rank, apiUrl: url, connections: connections)
    }

    static let message = OutgoingSMS(type: .notification, sender: "BASLIK", recipients: ["905551230011"], text: "Siparişiniz yola çıktı")

    static func closedURL() throws -> String { "http://127.0.0.1:\(try NodeAPIClientTests.closedPort())" }

    // MARK: Configuration

    @Test func aConfigurationFileIsReadAndChecked() throws {
        let yaml = """
        providers:
          - name: FigenSoft
            rank: 3
            apiUrl: https://api.example.com
            connections:
              - { username: u, password: p, smsIysMessageType: CAMPAIGN, senderList: [BASLIK], customApiActive: true, customApiUrl: "http://127.0.0.1:9587" }
              - { username: u, password: p, smsIysMessageType: notification, senderList: [BASLIK, BILGI], customApiActive: false }
        iys: { mode: integrator, apiUrl: "http://127.0.0.1:9590", username: admin, password: "123456", brandCode: "5565656556" }
        """
        let configuration = try ConnectorConfiguration.parse(yaml)
        #expect(configuration.providers[0].connection(for: .campaign).map(configuration.providers[0].baseURL(of:)) == "http://127.0.0.1:9587")
        #expect(configuration.providers[0].connection(for: .notification)?.senderList == ["BASLIK", "BILGI"])
        #expect(configuration.iys?.mode == .integrator)
        let json = #"{"providers": [{"name": "M", "rank": 1, "apiUrl": "http://x", "connections": [{"username": "u", "password": "p", "smsIysMessageType": "NOTIFICATION", "senderList": ["A"], "customApiActive": false}]}]}"#
        #expect(try ConnectorConfiguration.parse(json, json: true).providers.count == 1)

        func problem(_ connection: String) -> String? {
            let text = "providers:\n  - { name: M, rank: 1, apiUrl: \"http://x\", connections: [\(connection)] }\n"
            do {
                _ = try ConnectorConfiguration.parse(text, file: "c.yaml")
                return nil
            } catch {
                return error.message
            }
        }
        #expect(problem("{ username: u, password: p, smsIysMessageType: PROMO, senderList: [A], customApiActive: false }")?.contains("'PROMO' is not NOTIFICATION or CAMPAIGN") == true)
        #expect(problem("{ username: u, password: p, smsIysMessageType: CAMPAIGN, senderList: [], customApiActive: false }") == "c.yaml: providers[0] (M).connections[0]: senderList is empty")
        #expect(problem("{ username: u, password: p, smsIysMessageType: CAMPAIGN, senderList: [A], customApiActive: true }")?.contains("customApiActive is true but customApiUrl is missing") == true)
        #expect(problem("{ username: u, smsIysMessageType: CAMPAIGN, senderList: [A], customApiActive: false }")?.contains("password: is required") == true)
        #expect(throws: ConnectorConfigurationError.self) { try ConnectorConfiguration.parse("providers: []") }
        #expect(problem("{ username: u, password: p, smsIysMessageType: CAMPAIGN, sendrList: [A], senderList: [A], customApiActive: false }")
            == "c.yaml: providers[0].connections[0].sendrList: unknown key (known: username, password, smsIysMessageType, senderList, customApiActive, customApiUrl, transport)")
        #expect(throws: ConnectorConfigurationError("configuration: iys.brand: unknown key (known: mode, apiUrl, username, password, brandCode, webhookKey)")) {
            try ConnectorConfiguration.parse(#"{"providers": [], "iys": {"brand": "x"}}"#, json: true)
        }
    }

    // MARK: Routing

    @Test func aLowerProviderIsUsedOnlyWhenTheHigherOnesAreUnavailable() async throws {
        let closed = try Self.closedURL()
        try await LiveMocks.nodeAPI(injection: ErrorInjection(maintenance: true), mockOnly: true) { maintenance in
            try await LiveMocks.nodeAPI(mockOnly: true) { working in
                let connector = Connector(ConnectorConfiguration(providers: [
                    Self.provider("FigenSoft", rank: 3, working.baseURL),
                    Self.provider("Message Center", rank: 1, closed),
                    Self.provider("Mobildev", rank: 2, maintenance.baseURL),
                ]))
                let report = try await connector.send(Self.message)
                #expect(report.provider == "FigenSoft" && report.packageID != nil)
                #expect(report.attempts.map(\.provider) == ["Message Center", "Mobildev", "FigenSoft"])
                guard case .unavailable(let down) = report.attempts[0].outcome, case .unavailable(let busy) = report.attempts[1].outcome else {
                    Issue.record("\(report.attempts)"); return
                }
                #expect(down.contains("Connection refused"))
                #expect(busy.contains("ERR_SYSTEM_MAINTENANCE"))
            }
        }
    }

    /// A refusal another provider may not share (no credit, wrong credentials, a sender not approved there) moves on to
    /// the next provider, and the report says why (issue 12, item 16).
    @Test(arguments: ["credit", "credentials", "sender"])
    func aRefusalOfTheAccountMovesOnToTheNextProvider(_ reason: String) async throws {
        var refusing = try Scenario.bundled().nodeAPI
        var expected = "ERR_USER_CREDIT_REQUIRED"
        switch reason {
        case "credit": refusing.accounts[0].credit = 0
        case "credentials":
            refusing.accounts[0].password = "başka"
            expected = "ERR_UNAUTHORIZED_REQUEST"
        default:
            refusing.accounts[0].senders = refusing.accounts[0].senders.map { sender in
                var sender = sender
                if sender.title == "BASLIK" { sender.state = .pending }
                return sender
            }
            expected = "ERR_INVALID_SMS_SENDER"
        }
        let refusal = expected
        try await LiveMocks.nodeAPI(refusing, mockOnly: true) { first in
            try await LiveMocks.nodeAPI(mockOnly: true) { working in
                let connector = Connector(ConnectorConfiguration(providers: [
                    Self.provider("Message Center", rank: 1, first.baseURL), Self.provider("Mobildev", rank: 2, working.baseURL),
                ]))
                let report = try await connector.send(Self.message)
                #expect(report.provider == "Mobildev")
                guard case .refusedHere(let why) = report.attempts.first?.outcome else { Issue.record("\(report.attempts)"); return }
                #expect(why.contains(refusal), "\(why)")
                #expect(report.attempts.first?.description.contains("refused here, trying the next provider") == true)
            }
        }
    }

    /// A refusal of the message itself, which every provider would share (an invalid number, empty content), is
    /// returned at once: the next provider is not called.
    @Test func aRefusalOfTheMessageIsReturnedWithoutFailOver() async throws {
        try await LiveMocks.nodeAPI(mockOnly: true) { first in
            try await LiveMocks.nodeAPI(mockOnly: true) { second in
                let connector = Connector(ConnectorConfiguration(providers: [
                    Self.provider("Message Center", rank: 1, first.baseURL), Self.provider("Mobildev", rank: 2, second.baseURL),
                ]))
                for message in [
                    OutgoingSMS(type: .notification, sender: "BASLIK", recipients: ["12345"], text: "Siparişiniz yola çıktı"),
                    OutgoingSMS(type: .notification, sender: "BASLIK", recipients: ["905551230011"], text: " "),
                ] {
                    let error = await #expect(throws: ConnectorError.self) { try await connector.send(message) }
                    guard case .refused(let provider, _, let attempts)? = error else { Issue.record("\(String(describing: error))"); return }
                    #expect(provider == "Message Center")
                    #expect(attempts.map(\.provider) == ["Message Center"])
                }
                let credit = try await NodeAPIClient(.init(baseURL: second.baseURL, username: "admin", password: "123456")).send(UserCreditRequest()).credit
                #expect(credit == 100_000)
            }
        }
    }

    @Test func everyProviderDownIsNoProviderTook() async throws {
        let connector = Connector(ConnectorConfiguration(providers: [Self.provider("A", rank: 1, try Self.closedURL()), Self.provider("B", rank: 2, try Self.closedURL())]))
        let error = await #expect(throws: ConnectorError.self) { try await connector.send(Self.message) }
        guard case .noProviderTook(let attempts)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(attempts.count == 2)
    }

    @Test func theConnectionFollowsTheMessagesTypeAndSenderList() async throws {
        try await LiveMocks.nodeAPI(mockOnly: true) { working in
            let closed = try Self.closedURL()
            let connector = Connector(ConnectorConfiguration(providers: [
                // Notifications only, at a closed port: never called for a campaign.
                Self.provider("Message Center", rank: 1, closed, [Self.connection(.notification)]),
                // Campaigns through a custom API URL (the provider's own is closed).
                Self.provider("FigenSoft", rank: 3, closed, [Self.connection(.campaign, custom: working.baseURL)]),
            ]))
            let campaign = OutgoingSMS(type: .campaign, sender: "BASLIK", recipients: ["905551230011"], text: "Kasım indirimi")
            let report = try await connector.send(campaign)
            #expect(report.provider == "FigenSoft")
            #expect(report.attempts.first?.outcome == .skipped("no connection for CAMPAIGN"))

            let stranger = OutgoingSMS(type: .notification, sender: "YABANCI", recipients: ["905551230011"], text: "x")
            await #expect(throws: ConnectorError.senderNotAllowed(sender: "YABANCI", type: .notification)) { try await connector.send(stranger) }
            let onlyNotifications = Connector(ConnectorConfiguration(providers: [Self.provider("M", rank: 1, closed, [Self.connection(.notification)])]))
            await #expect(throws: ConnectorError.noConnection(.campaign)) { try await onlyNotifications.send(campaign) }
        }
    }

    // MARK: İYS modes

    @Test func integratorModeDropsCampaignRecipientsWithoutConsent() async throws {
        try await LiveMocks.iys(clock: SystemClock()) { iysURL in
            try await LiveMocks.nodeAPI(mockOnly: true) { working in
                let connector = Connector(ConnectorConfiguration(
                    providers: [Self.provider("FigenSoft", rank: 1, working.baseURL, [Self.connection(.campaign)])],
                    iys: IYSSettings(mode: .integrator, apiUrl: iysURL, username: "admin", password: "123456", brandCode: "5565656556")
                ))
                let campaign = OutgoingSMS(type: .campaign, sender: "BASLIK", recipients: ["905551230011", "905551230012", "905551230099"], text: "Kampanya")
                let report = try await connector.send(campaign)
                #expect(report.withoutConsent == ["905551230012", "905551230099"])
                let id = try #require(report.packageID)
                let items = try await NodeAPIClient(.init(baseURL: working.baseURL, username: "admin", password: "123456"))
                    .send(ListSmsItemsRequest(package: .id(id)))
                #expect(items.list.map(\.target) == ["905551230011"])

                let nobody = OutgoingSMS(type: .campaign, sender: "BASLIK", recipients: ["905551230012"], text: "Kampanya")
                let none = try await connector.send(nobody)
                #expect(none.provider == nil && none.packageID == nil)
            }
        }
    }

    /// Issue 25, item 13: integrator mode asks İYS for the recipient type the message targets (TACIR too), and for
    /// either when it names none; the provider is told the type.
    @Test func integratorModeAsksForTheRecipientTypeTheMessageTargets() async throws {
        try await LiveMocks.iys(clock: SystemClock()) { iysURL in
            let iys = MySoftIYSClient(.init(baseURL: iysURL, username: "admin", password: "123456"))
            // A merchant with ONAY as TACIR and no BIREYSEL record.
            _ = try await iys.sendConsent(SendConsentRequest(brandCode: "5565656556", consentData: ConsentData(
                recipient: "+905551230077", recipientType: .merchant, type: .message, consentDate: nil, source: .web, status: .approved
            )))
            try await LiveMocks.nodeAPI(mockOnly: true) { working in
                let connector = Connector(ConnectorConfiguration(
                    providers: [Self.provider("FigenSoft", rank: 1, working.baseURL, [Self.connection(.campaign)])],
                    iys: IYSSettings(mode: .integrator, apiUrl: iysURL, username: "admin", password: "123456", brandCode: "5565656556")
                ))
                let recipients: [GSMNumber] = ["905551230011", "905551230077"]
                let either = try await connector.send(OutgoingSMS(type: .campaign, sender: "BASLIK", recipients: recipients, text: "Toptan fiyatlar"))
                #expect(either.withoutConsent.isEmpty)
                let merchants = try await connector.send(OutgoingSMS(type: .campaign, sender: "BASLIK", recipients: recipients, text: "Bayi kampanyası", recipientType: .merchant))
                #expect(merchants.withoutConsent == ["905551230011"])
                let individuals = try await connector.send(OutgoingSMS(type: .campaign, sender: "BASLIK", recipients: recipients, text: "Bireysel kampanya", recipientType: .individual))
                #expect(individuals.withoutConsent == ["905551230077"])
                // The provider is told whom the package is for.
                let request = OutgoingSMS(type: .campaign, sender: "BASLIK", recipients: recipients, text: "x", recipientType: .merchant).request(to: ["905551230077"])
                #expect(request.extras.recipientType == .merchant)
                _ = try #require(merchants.packageID)
            }
        }
    }

    @Test func syncModePushesChangesAndAppliesWebhooks() async throws {
        try await LiveMocks.iys(clock: SystemClock()) { iysURL in
            let iys = MySoftIYSClient(.init(baseURL: iysURL, username: "admin", password: "123456"))
            let sync = ConsentSync(iys: iys, brandCode: "5565656556", webhookKey: "gizli")
            let consent = ConsentData(recipient: "+905551234567", type: .message, consentDate: IYSDateTime("2026-11-20 10:00:00"), source: .web, status: .approved)
            _ = try await sync.record(consent)
            #expect(await sync.status(of: "+905551234567", channel: .message) == .approved)
            let onIYS = try await iys.consentStatus(ConsentStatusRequest(brandCode: "5565656556", recipient: "+905551234567", type: .message))
            #expect(onIYS.consent.status == .approved)

            var withdrawn = consent
            (withdrawn.status, withdrawn.source) = (.rejected, .iys3338)
            let hook = try IYSJSON.encode(WebhookConsentModel(webHookKey: "gizli", brandCode: "5565656556", consentData: withdrawn))
            try await sync.receive(webhook: hook)
            #expect(await sync.status(of: "+905551234567", channel: .message) == .rejected)
            let forged = try IYSJSON.encode(WebhookConsentModel(webHookKey: "tahmin", brandCode: "5565656556", consentData: consent))
            await #expect(throws: ConsentSyncError.wrongKey) { try await sync.receive(webhook: forged) }
            #expect(await sync.status(of: "+905551234567", channel: .message) == .rejected)
        }
    }
}
