import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
import MockProviders
import MockSimulations
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP
import Testing

/// The provider ignores request fields it does not know, and public clients send some: the mock ignores them
/// too and says so (`X-Mock-Warning`, the journal), unless the strict mode refuses them (issue 12, items 1, 2, 4, 7).
@Suite struct UnknownFieldTests {
    static let admin = NodeAPIRoutesTests.admin

    func app(strict: Bool = false, journal: RequestJournal = RequestJournal()) -> some ApplicationProtocol {
        let router = Router(context: MockRequestContext.self)
        let simulation = NodeAPISimulation(accounts: [ScenarioFixtures.admin], clock: ManualClock())
        NodeAPIRoutes(simulation: simulation, policy: NodeAPIWirePolicy(strictRequests: strict), journal: journal).register(on: router)
        return Application(router: router)
    }

    static let create = #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "Merhaba", "someClientFlag": 1, "gatewayX": "a"}"#

    @Test func unknownFieldsAreIgnoredAndReportedByDefault() async throws {
        let journal = RequestJournal()
        try await app(journal: journal).test(.router) { client in
            let response = try await client.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string: Self.create))
            #expect(response.status == .ok)
            #expect(try NodeAPIJSON.decodeReply(PackageCreated.self, from: Array(response.body.readableBytesView)).get().pkgID > 0)
            let warnings = response.headers[values: .mockWarning]
            #expect(warnings == ["unknown field 'gatewayX' ignored", "unknown field 'someClientFlag' ignored"])
            #expect(journal.entries().last?.warnings == warnings)
        }
    }

    @Test func theStrictModeRefusesThem() async throws {
        try await app(strict: true).test(.router) { client in
            let response = try await client.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string: Self.create))
            #expect(response.status == .badRequest)
            let reply = try NodeAPIJSON.decodeReply(PackageCreated.self, from: Array(response.body.readableBytesView))
            guard case .failure(let error) = reply else { Issue.record("expected a refusal"); return }
            #expect(error.code == "ERR_INVALID_PARAM")
            // The first in name order, whatever order the JSON object's keys come in.
            #expect(error.message.contains("gatewayX: unknown field"))
            #expect(response.headers[values: .mockWarning].isEmpty)
        }
    }

    @Test func theSameRequestGetsTheSameBytes() async throws {
        let reordered = #"{"zeta": 1, "type": 1, "alpha": 2, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "c", "mid": 3}"#
        try await app(strict: true).test(.router) { client in
            var bodies = Set<[UInt8]>()
            for body in [reordered, #"{"mid": 3, "alpha": 2, "zeta": 1}"#, #"{"alpha": 2, "zeta": 1, "mid": 3}"#] {
                let response = try await client.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string: body))
                bodies.insert(Array(response.body.readableBytesView))
            }
            #expect(bodies.count == 1)
            #expect(bodies.first.map { String(decoding: $0, as: UTF8.self).contains("alpha: unknown field") } == true)
        }
    }

    @Test func aNullFieldIsNotGivenKnownOrUnknown() async throws {
        // The Node.js portal posts list-item with null dates (fields list-item does not define), and null known fields.
        try await app(strict: true).test(.router) { client in
            let created = try await client.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string:
                #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "c", "customID": null, "sendingDate": null}"#
            ))
            let id = try NodeAPIJSON.decodeReply(PackageCreated.self, from: Array(created.body.readableBytesView)).get().pkgID
            let items = try await client.execute(uri: "/sms/list-item", method: .post, headers: Self.admin, body: ByteBuffer(string:
                #"{"pkgID": \#(id), "startDate": null, "finishDate": null, "pageIndex": null}"#
            ))
            #expect(items.status == .ok)
            #expect(try NodeAPIJSON.decodeReply(Page<PackageItem>.self, from: Array(items.body.readableBytesView)).get().list.map(\.target) == ["905551230011"])
            #expect(items.headers[values: .mockWarning].isEmpty)
        }
    }

    @Test func anEmptyListBodyReadsAsAnEmptyObject() async throws {
        // PHP's json_encode([]), sent by nac-sms and Laravel clients on every filter-less call.
        try await app(strict: true).test(.router) { client in
            let senders = try await client.execute(uri: "/sms/list-sender", method: .post, headers: Self.admin, body: ByteBuffer(string: " [ ] "))
            #expect(senders.status == .ok)
            #expect(try NodeAPIJSON.decodeReply(Page<Sender>.self, from: Array(senders.body.readableBytesView)).get().list.isEmpty == false)
            let list = try await client.execute(uri: "/sms/list-sender", method: .post, headers: Self.admin, body: ByteBuffer(string: "[1]"))
            #expect(list.status == .badRequest)
        }
    }

    @Test func soapIgnoresUnknownElementsToo() async throws {
        let envelope = NodeAPIRoutesTests.soapOpen
            + "<sms:getUserCredit><username>admin</username><password>123456</password><zz>1</zz><aa>2</aa><empty/></sms:getUserCredit>"
            + NodeAPIRoutesTests.soapClose
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/soap", method: .post, headers: [.contentType: "text/xml"], body: ByteBuffer(string: envelope))
            #expect(response.status == .ok)
            #expect(response.headers[values: .mockWarning] == ["unknown field 'aa' ignored", "unknown field 'zz' ignored"])
        }
        try await app(strict: true).test(.router) { client in
            let response = try await client.execute(uri: "/soap", method: .post, headers: [.contentType: "text/xml"], body: ByteBuffer(string: envelope))
            // Document order is zz, aa: the error names aa, the first by name, as the JSON face does.
            #expect(String(buffer: response.body).contains("aa: unknown field"))
        }
    }

    @Test func aFloodOfUnknownFieldsGivesBoundedWarnings() async throws {
        let fields = (0..<5000).map { #""f\#($0)": 1"# }.joined(separator: ", ")
        let journal = RequestJournal()
        try await app(journal: journal).test(.router) { client in
            let response = try await client.execute(uri: "/user/credit", method: .post, headers: Self.admin, body: ByteBuffer(string: "{\(fields)}"))
            #expect(response.status == .ok)
            let warnings = response.headers[values: .mockWarning]
            #expect(warnings.count == 20 + 1)  // 20 warnings at most, and a count of the rest
            #expect(warnings.last == "\(5000 - 20) more warnings left out")
            #expect(journal.entries().last?.warnings.count == warnings.count)
        }
    }
    /// Issue 23, item 13: a field given twice is read from its last value, as the provider's parser and most gateways
    /// read it (Foundation alone keeps the first), and reported; the strict mode refuses it naming the field.
    @Test func aRepeatedFieldKeepsItsLastValueAndIsReported() async throws {
        let body = #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "ş", "number": "905551230022"}"#
        let journal = RequestJournal()
        try await app(journal: journal).test(.router) { client in
            let response = try await client.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string: body))
            #expect(response.status == .ok)
            #expect(response.headers[values: .mockWarning] == ["field 'number' given more than once: the last value was used"])
            let created = try NodeAPIJSON.decodeReply(PackageCreated.self, from: Array(response.body.readableBytesView)).get()
            let listed = try await client.execute(
                uri: "/sms/list-item", method: .post, headers: Self.admin, body: ByteBuffer(string: #"{"pkgID": \#(created.pkgID)}"#)
            )
            #expect(String(buffer: listed.body).contains("905551230022"))
            #expect(!String(buffer: listed.body).contains("905551230011"))
        }
        try await app(strict: true).test(.router) { client in
            let response = try await client.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("number: is given more than once"))
        }
    }
}

/// GET takes its parameters from the query string (issue 12, item 5).
@Suite struct QueryParameterTests {
    func app(journal: RequestJournal = RequestJournal()) -> some ApplicationProtocol {
        UnknownFieldTests().app(journal: journal)
    }

    @Test func listSenderFiltersByTheQuery() async throws {
        try await app().test(.router) { client in
            let all = try await client.execute(uri: "/sms/list-sender", method: .get, headers: UnknownFieldTests.admin)
            let everyone = try NodeAPIJSON.decodeReply(Page<Sender>.self, from: Array(all.body.readableBytesView)).get().list
            let approved = try await client.execute(uri: "/sms/list-sender?status=1", method: .get, headers: UnknownFieldTests.admin)
            let list = try NodeAPIJSON.decodeReply(Page<Sender>.self, from: Array(approved.body.readableBytesView)).get().list
            #expect(!list.isEmpty)
            #expect(list.allSatisfy { $0.status == .approved })
            #expect(everyone.count > list.count)
        }
    }

    @Test func listItemFindsThePackageByTheQuery() async throws {
        let journal = RequestJournal()
        try await app(journal: journal).test(.router) { client in
            let created = try await client.execute(uri: "/sms/create", method: .post, headers: UnknownFieldTests.admin, body: ByteBuffer(string:
                #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "Merhaba"}"#
            ))
            let id = try NodeAPIJSON.decodeReply(PackageCreated.self, from: Array(created.body.readableBytesView)).get().pkgID
            let items = try await client.execute(uri: "/sms/list-item?pkgID=\(id)&_=1733130000", method: .get, headers: UnknownFieldTests.admin)
            #expect(items.status == .ok)
            #expect(try NodeAPIJSON.decodeReply(Page<PackageItem>.self, from: Array(items.body.readableBytesView)).get().list.map(\.target) == ["905551230011"])
            #expect(items.headers[values: .mockWarning] == ["unknown field '_' ignored"])
            #expect(journal.entries().last?.query == "pkgID=\(id)&_=1733130000")
            let summary = try await client.execute(uri: "/sms/list?ids=\(id),\(id + 1)", method: .get, headers: UnknownFieldTests.admin)
            #expect(try NodeAPIJSON.decodeReply(Page<SmsPackageSummary>.self, from: Array(summary.body.readableBytesView)).get().list.map(\.id) == [id])
        }
    }
}
