import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
import MockProviders
import MockSimulations
import NodeAPI
import Testing

/// Issue 25, item 2: `/sms/list-gateway` (nac-sms, a Voice Telekom NestJS adapter) lists the scenario's gateways, a
/// package's `gateway` must name one of them (and one of its sender's), `/sms/list-sender` items carry their gateways,
/// and `/sms/get-mo` (nac-sms `getMo`) lists what recipients sent to the short number.
@Suite struct GatewayAndMoTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)
    static let normal = "6f1c2a8e-4b7d-4e21-9a3c-5d8e7f901234"
    static let otp = "0b9e4d2c-7a18-4f63-b5e0-1c2d3e4f5a6b"
    static let otherSenders = "3c4d5e6f-7a8b-4c9d-8e0f-a1b2c3d4e5f6"

    @Test func theGatewaysAreTheScenariosAndAPackageNamesOneOfItsSenders() async throws {
        let simulation = simulation()
        let gateways = try simulation.respond(to: ListGatewaysRequest(), as: "admin")
        #expect(gateways.list.map(\.uuid) == [Self.normal, Self.otp, Self.otherSenders])
        #expect(gateways.list[1] == Gateway(uuid: Self.otp, smsType: 0, operator: 0, subProvider: 1, isOTP: true, simChangeControl: true))

        func create(_ gateway: String) -> CreateSmsRequest {
            var request = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Ağ geçidi \(gateway)")
            request.extras.gateway = gateway
            return request
        }
        #expect(try simulation.respond(to: create(Self.normal), as: "admin").pkgID > 0)
        let unknown = await error { _ = try simulation.respond(to: create("11111111-2222-4333-8444-555555555555"), as: "admin") }
        #expect(unknown?.code == "ERR_INVALID_PARAM" && unknown?.message.contains("gateway: '11111111-2222-4333-8444-555555555555' is not a gateway of this user") == true, "\(String(describing: unknown))")
        let notTheSenders = await error { _ = try simulation.respond(to: create(Self.otherSenders), as: "admin") }
        #expect(notTheSenders?.message.contains("is not defined for sender 'BASLIK'") == true, "\(String(describing: notTheSenders))")
        var otp = CreateOtpRequest(number: "905551230011", sender: "BASLIK", content: "Kodunuz 4711")
        otp.extras.gateway = Self.otp
        #expect(try simulation.respond(to: otp, as: "admin").pkgID > 0)

        let senders = try simulation.respond(to: ListSendersRequest(), as: "admin").list
        #expect(senders.first { $0.title == "BASLIK" }?.gateways?.map(\.uuid) == [Self.normal, Self.otp])
        #expect(senders.first { $0.title == "BEKLEYEN" }?.gateways == [])
    }

    @Test func getMoListsWhatRecipientsSentBetweenTheDates() throws {
        let simulation = simulation()
        _ = try simulation.receiveOptOut(for: "admin", gsm: "905551230011", msg: "RET istemiyorum")
        clock.advance(minutes: 90)
        _ = try simulation.receiveOptOut(for: "admin", gsm: "905551230012", msg: "Randevumu onaylıyorum")
        let all = try simulation.respond(to: GetMoRequest(startDate: WireDate("2025-03-10 09:00"), finishDate: WireDate("2025-03-10 12:00")), as: "admin")
        #expect(all.list.map(\.msg) == ["Randevumu onaylıyorum", "RET istemiyorum"], "newest first, opt-outs and the rest")
        #expect(all.list.map(\.state) == [.noMatch, .complete])
        let later = try simulation.respond(to: GetMoRequest(startDate: WireDate("2025-03-10 11:00"), finishDate: WireDate("2025-03-10 12:00")), as: "admin")
        #expect(later.list.map(\.gsm) == ["905551230012"])
    }

    /// As nac-sms calls it: `GET /sms/list-gateway` with Basic auth and nothing else.
    @Test func aGetWithNothingElseListsThem() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: SwitchableClock(mode: .manual, now: 1_741_590_000_000))
        try await Application(router: mocks.nodeAPIRouter()).test(.router) { client in
            let response = try await client.execute(uri: "/sms/list-gateway", method: .get, headers: [.authorization: "Basic " + Data("admin:123456".utf8).base64EncodedString()])
            #expect(response.status == .ok)
            let body = String(buffer: response.body)
            #expect(body.contains(#""simChangeControl":true"#) && body.contains(#""totalRecord":3"#), "\(body)")
        }
    }

    @Test func aSendersGatewayMustBeTheAccounts() {
        let yaml = """
            nodeAPI:
              accounts:
                - username: a
                  password: b
                  senders:
                    - {title: BASLIK, gateways: [6f1c2a8e-4b7d-4e21-9a3c-5d8e7f901234]}
            """
        #expect(throws: ScenarioError("s.yaml:6: nodeAPI.accounts[0].senders[0].gateways: '6f1c2a8e-4b7d-4e21-9a3c-5d8e7f901234' is not one of the account's gateways ()")) {
            try Scenario.parse(yaml, file: "s.yaml")
        }
    }
}
