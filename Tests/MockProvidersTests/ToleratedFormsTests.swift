import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
import MockProviders
import MockSimulations
import NodeAPI
import NodeAPIJSON
import Testing

/// Issue 25, item 7: forms public clients send that the document's rules do not allow are read, not refused, and the
/// mock says how it read them (`X-Mock-Warning`); the strict mode refuses them. A list of several numbers for one is
/// refused in both, with a message that says what to send.
@Suite struct ToleratedFormsTests {
    static let admin = NodeAPIRoutesTests.admin

    func send(_ body: String, strict: Bool = false) async throws -> (status: HTTPResponse.Status, warnings: [String], reply: String) {
        let router = Router(context: MockRequestContext.self)
        let simulation = NodeAPISimulation(accounts: [ScenarioFixtures.admin], clock: ManualClock())
        NodeAPIRoutes(simulation: simulation, policy: NodeAPIWirePolicy(strictRequests: strict)).register(on: router)
        return try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string: body))
            return (response.status, response.headers[values: .mockWarning], String(buffer: response.body))
        }
    }

    static func create(_ fields: String) -> String {
        #"{"type": 1, "sender": "BASLIK", "title": "T", "content": "Merhaba \#(UUID().uuidString)", "#  + fields + "}"
    }

    /// `fields` are read with `warning` said, and the strict mode refuses them with a message holding `refusal`.
    func expectTolerated(_ fields: String, warning: String, refusal: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let body = Self.create(fields)
        let read = try await send(body)
        #expect(read.status == .ok, "\(read.reply)", sourceLocation: sourceLocation)
        #expect(read.warnings == [warning], sourceLocation: sourceLocation)
        let strict = try await send(body, strict: true)
        #expect(strict.status == .badRequest && strict.reply.contains(refusal), "\(strict.reply)", sourceLocation: sourceLocation)
    }

    @Test func recipientTypeTwoIsBoth() async throws {
        try await expectTolerated(
            #""sendingType": 0, "number": "905551230011", "commercial": false, "recipientType": 2"#,
            warning: "recipientType 2 (both) read as no recipientType: the İYS gate reads BIREYSEL and TACIR consent", refusal: "recipientType"
        )
    }

    @Test func aPushSettingsWithoutURLSendsNoReports() async throws {
        try await expectTolerated(
            #""sendingType": 0, "number": "905551230011", "pushSettings": {"pushSettings": {"url": "https://example.com/hook"}}"#,
            warning: "pushSettings has no url (pushSettings.pushSettings.url is not read: the url belongs in pushSettings itself): the package sends no delivery reports",
            refusal: "pushSettings"
        )
    }

    @Test func numberAsAListOfOne() async throws {
        let one = try await send(Self.create(#""sendingType": 0, "number": ["905551230011"]"#))
        #expect(one.status == .ok, "\(one.reply)")
        #expect(one.warnings == ["number given as a list of one: read as its number"])
        let two = try await send(Self.create(#""sendingType": 0, "number": ["905551230011", "905551230012"]"#))
        #expect(two.status == .badRequest)
        #expect(two.reply.contains("number: is one number when sendingType is 0, not a list of 2; for several, use numbers with sendingType 1"), "\(two.reply)")
    }

    @Test func periodTypeZeroWithoutIntervalAndAmountIsNotPeriodic() async throws {
        try await expectTolerated(
            #""sendingType": 0, "number": "905551230011", "periodicSettings": {"periodType": 0}"#,
            warning: "periodicSettings with periodType 0 and no interval or amount read as no periodicSettings: the package sends everyone at once",
            refusal: "periodicSettings.interval: is required when periodType is 0"
        )
        // The document's own form is read without a word.
        let documented = try await send(Self.create(#""sendingType": 1, "numbers": ["905551230011"], "periodicSettings": {"periodType": 0, "amount": 1000, "interval": 1}"#), strict: true)
        #expect(documented.status == .ok && documented.warnings.isEmpty, "\(documented.reply)")
    }
}
