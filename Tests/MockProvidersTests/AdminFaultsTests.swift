import EuromsgExpress
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MockAdmin
import MockFixtures
@testable import MockProviders
@testable import MockSimulations
import MySoftIYS
import NodeAPI
import NodeAPIJSON
import Synchronization
import Testing

/// Issue 14, faults at run time: `POST /__admin/faults` makes a provider's calls answer a catalogue error, wait, or
/// lose their reply, as the scenario's `errorRules` do (the same mechanism).
@Suite struct AdminFaultsTests {
    static let admin: HTTPFields = [.authorization: "Basic " + Data("admin:123456".utf8).base64EncodedString(), .contentType: "application/json"]
    static let create = #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "Kodunuz 4821"}"#

    static func addFault(_ admin: some TestClientProtocol, _ json: String) async throws -> Fault {
        let response = try await admin.execute(uri: "/__admin/faults", method: .post, body: ByteBuffer(string: json))
        #expect(response.status == .created, "\(String(buffer: response.body))")
        return try JSONDecoder().decode(Fault.self, from: response.body)
    }

    static func errorCode(_ response: TestResponse) throws -> String? {
        guard case .failure(let error) = try NodeAPIJSON.decodeReply(StatusReply.self, from: Array(response.body.readableBytesView)) else { return nil }
        return error.code
    }

    /// The next three `/sms/create` calls fail with `SMS18` (no credit is taken, no package made), on both faces; then
    /// the fault is spent, and `GET /__admin/faults` says so.
    @Test func aFaultAnswersTheNextCallsWithACatalogueErrorOnBothFaces() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        let credit = try mocks.nodeAPI.respond(to: UserCreditRequest(), as: "admin").credit
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let fault = try await Self.addFault(admin, #"{"provider": "node-api", "path": "/sms/create", "error": "SMS18", "times": 3}"#)
            #expect(fault.id == "f-1" && fault.fired == 0)
            try await Application(router: mocks.nodeAPIRouter()).test(.router) { node in
                for _ in 0..<2 {
                    let refused = try await node.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string: Self.create))
                    #expect(refused.status.code == 417)
                    #expect(try Self.errorCode(refused) == "ERR_USER_CREDIT_REQUIRED")
                }
                // The SOAP face's sendSms is the same operation.
                let envelope = NodeAPIRoutesTests.soapOpen + "<sms:sendSms><username>admin</username><password>123456</password><sender>BASLIK</sender>"
                    + "<title>T</title><content>Kod</content><recipients><item>905551230011</item></recipients></sms:sendSms>" + NodeAPIRoutesTests.soapClose
                let soap = try await node.execute(uri: "/soap", method: .post, headers: [.contentType: "text/xml"], body: ByteBuffer(string: envelope))
                #expect(String(buffer: soap.body).contains("ERR_USER_CREDIT_REQUIRED"), "\(String(buffer: soap.body))")
                let sent = try await node.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string: Self.create))
                #expect(sent.status == .ok, "spent after three")
            }
            let listed = try JSONDecoder().decode(AdminModels.Faults.self, from: try await admin.execute(uri: "/__admin/faults", method: .get).body)
            #expect(listed.faults.map(\.fired) == [3])
            #expect(listed.faults.map(\.calls) == [4])
            #expect(try await admin.execute(uri: "/__admin/faults/f-1", method: .delete).status == .noContent)
            #expect(try await admin.execute(uri: "/__admin/faults/f-1", method: .delete).status == .notFound)
        }
        let after = try mocks.nodeAPI.respond(to: UserCreditRequest(), as: "admin").credit
        #expect(credit - after == 1, "only the call that got through took credit")
        #expect(try mocks.nodeAPI.respond(to: ListSmsRequest(), as: "admin").list.count == 1)
    }

    /// `user` and `every`: only that user's calls, every second one; the newest fault wins; a reset puts the scenario's
    /// rules back and drops the run-time ones.
    @Test func faultsMatchByUserAndEveryNthCallAndAResetKeepsOnlyTheScenarios() async throws {
        var scenario = try Scenario.bundled()
        scenario.nodeAPI.errorRules = [ErrorInjection.Rule(endpoint: "getUserCredit", error: .dailyRequestLimit, every: 1000)]
        let mocks = ProviderMocks(scenario: scenario, clock: ManualClock())
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            _ = try await Self.addFault(admin, #"{"provider": "node-api", "operation": "getUserCredit", "user": "admin", "error": "SMS99", "every": 2}"#)
            _ = try await Self.addFault(admin, #"{"provider": "node-api", "path": "/user/credit", "user": "nobody", "error": "SMS18"}"#)
            try await Application(router: mocks.nodeAPIRouter()).test(.router) { node in
                var statuses: [UInt] = []
                for _ in 0..<4 { statuses.append(UInt(try await node.execute(uri: "/user/credit", method: .post, headers: Self.admin).status.code)) }
                #expect(statuses == [200, 503, 200, 503])
            }
            #expect(try await admin.execute(uri: "/__admin/reset", method: .post).status == .ok)
            let listed = try JSONDecoder().decode(AdminModels.Faults.self, from: try await admin.execute(uri: "/__admin/faults", method: .get).body)
            #expect(listed.faults.map(\.id) == ["scenario-1"])
            #expect(listed.faults.map(\.origin) == [.scenario])
            #expect(listed.faults.map(\.calls) == [0])
        }
    }

    /// İYS and Euromsg answer a fault's error in their own shapes; a method narrows Euromsg's path.
    @Test func iysAndEuromsgAnswerInTheirOwnShapes() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            _ = try await Self.addFault(admin, #"{"provider": "iys", "path": "/api/IYSConsent/IYSBrands", "error": "HM400"}"#)
            _ = try await Self.addFault(admin, #"{"provider": "euromsg", "path": "/email-list*", "method": "POST", "error": "NO_SENDING_RIGHTS"}"#)
        }
        try await Application(router: mocks.iysRouter()).test(.router) { iys in
            let token = try await IYSRoutesTests.token(iys)
            let brands = try await iys.execute(uri: "/api/IYSConsent/IYSBrands", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(brands.status == .badRequest)
            let envelope = try IYSJSON.decode(IYSResult<[String]>.self, from: Array(brands.body.readableBytesView))
            #expect(envelope.succeed == false && envelope.errorCode == .HM400 && envelope.message == "fault f-1")
        }
        try await Application(router: mocks.euromsgRouter()).test(.router) { euromsg in
            var headers = ExpressRoutesTests.bearer(try await ExpressRoutesTests.token(euromsg))
            headers[ExpressEndUserMiddleware.apiKeyHeader] = ScenarioFixtures.expressDemo
            let listed = try await euromsg.execute(uri: "/email-list", method: .get, headers: headers)
            #expect(listed.status == .ok, "GET is not the fault's method")
            let created = try await euromsg.execute(uri: "/email-list", method: .post, headers: headers, body: ByteBuffer(string: #"{"name": "Yeni"}"#))
            #expect(created.status == .forbidden)
            #expect(try ExpressJSON.decode(ExpressError.self, from: Array(created.body.readableBytesView)).errorCode == .noSendingRights)
        }
    }

    /// Bad faults are refused naming the field, and nothing is added.
    @Test func aBadFaultIsRefusedNamingTheField() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let cases: [(String, String)] = [
                (#"{"provider": "sms", "path": "/sms/create", "error": "SMS18"}"#, "provider"),
                (#"{"provider": "node-api", "path": "/sms/fax", "error": "SMS18"}"#, "path"),
                (#"{"provider": "node-api", "path": "/sms/create", "error": "SMS77"}"#, "error"),
                (#"{"provider": "iys", "path": "/api/IYSConsent/SendConsent", "error": "SMS18"}"#, "error"),
                (#"{"provider": "node-api", "path": "/sms/create"}"#, "error"),
                (#"{"provider": "node-api", "path": "/sms/create", "error": "SMS18", "fault": "reset"}"#, "fault"),
                (#"{"provider": "node-api", "path": "/sms/create", "fault": "delay"}"#, "delayMs"),
                (#"{"provider": "node-api", "path": "/sms/create", "fault": "timeout", "delayMs": 999999999}"#, "delayMs"),
                (#"{"provider": "node-api", "path": "/sms/create", "fault": "reset", "times": 0}"#, "times"),
                (#"{"provider": "node-api", "path": "/sms/create", "fault": "reset", "every": -1}"#, "every"),
                (#"{"provider": "node-api", "path": "/sms/create", "fault": "explode"}"#, "fault"),
                (#"{"provider": "euromsg", "path": "email-list", "error": "CONFLICT"}"#, "path"),
            ]
            for (body, field) in cases {
                let response = try await admin.execute(uri: "/__admin/faults", method: .post, body: ByteBuffer(string: body))
                #expect(response.status == .badRequest, "\(body)")
                #expect(try JSONDecoder().decode(AdminModels.Failure.self, from: response.body).field == field, "\(body): \(String(buffer: response.body))")
            }
            #expect(mocks.faults.list().isEmpty)
        }
    }

    /// The faults that act on the connection, through a server with its connection guard, as `serve` runs it: `reset`
    /// resets it, `empty` closes it without a byte, `timeout` holds the request then resets, `malformed` answers 200
    /// with a body that does not parse, and `delay` answers late with the call's own reply.
    @Test func connectionFaultsResetCloseHoldAndCutTheReply() async throws {
        try await ConnectionLimitsTests.serving(ConnectionLimits(), mocks: { mocks in
            for (path, fault) in [("/user/credit", #""fault": "reset""#), ("/sms/list", #""fault": "empty""#),
                                  ("/sms/list-sender", #""fault": "timeout", "delayMs": 150"#), ("/sms/cancel", #""fault": "malformed""#),
                                  ("/contact/list-group", #""fault": "delay", "delayMs": 150"#)] {
                let request = try JSONDecoder().decode(Fault.Request.self, from: Data(#"{"provider": "node-api", "path": "\#(path)", \#(fault)}"#.utf8))
                _ = try mocks.faults.add(request)
            }
        }) { ports in
            let port = try #require(ports[.nodeAPI])
            func exchange(_ path: String) async throws -> (ending: RawConnection.Ending?, seconds: Double) {
                let connection = try RawConnection(port: port)
                let start = ContinuousClock.now
                connection.write("POST \(path) HTTP/1.1\r\nHost: localhost\r\nAuthorization: \(Self.admin[.authorization] ?? "")\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                let ending = await connection.ending(within: 10)
                let elapsed = ContinuousClock.now - start
                return (ending, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            let reset = try await exchange("/user/credit")
            #expect(reset.ending == RawConnection.Ending(text: "", reset: true))
            let empty = try await exchange("/sms/list")
            #expect(empty.ending == RawConnection.Ending(text: "", reset: false))
            let timeout = try await exchange("/sms/list-sender")
            #expect(timeout.ending == RawConnection.Ending(text: "", reset: true))
            #expect(timeout.seconds >= 0.15)
            let malformed = try #require(try await exchange("/sms/cancel").ending)
            #expect(malformed.text.hasPrefix("HTTP/1.1 200 OK"))
            let body = try #require(malformed.text.components(separatedBy: "\r\n\r\n").last)
            #expect((try? JSONSerialization.jsonObject(with: Data(body.utf8))) == nil, "\(body)")
            // Keep-alive: a delayed call's reply comes late and the connection stays open; read up to its body.
            let delayed = try RawConnection(port: port)
            let start = ContinuousClock.now
            delayed.write("POST /contact/list-group HTTP/1.1\r\nHost: localhost\r\nAuthorization: \(Self.admin[.authorization] ?? "")\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            let reply = try #require(await delayed.read(within: 10) { $0.hasSuffix("}") })
            #expect(reply.hasPrefix("HTTP/1.1 200 OK"))
            #expect(ContinuousClock.now - start >= .milliseconds(150))
        }
    }
}
