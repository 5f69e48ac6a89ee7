import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LibXML
@testable import MockAdmin
@testable import MockProviders
@testable import MockRecording
import Testing

/// Issue 23, item 7: credentials are redacted on the parsed form of what carries them, in the proxy's recordings and in
/// the journal, whatever spelling the client used; every other byte is kept.
@Suite struct CredentialRedactionTests {
    private func redacted(_ text: String) -> String {
        String(decoding: CredentialRedaction.body(Array(text.utf8)), as: UTF8.self)
    }

    @Test func aSOAPPasswordIsRedactedHoweverItIsSplit() throws {
        let envelope = { (password: String) in
            #"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:sendSms xmlns:m="urn:x">"#
                + #"<m:username>admin</m:username><m:password>\#(password)</m:password><content>Şifre &amp; ğüşıöç</content></m:sendSms></s:Body></s:Envelope>"#
        }
        for split in ["123456", "REDACTED<?x y?>456", "123<!-- c -->456", "<![CDATA[123]]>456", "1<b>23</b>456", "123&amp;456", ""] {
            let result = redacted(envelope(split))
            let expected = envelope(split.isEmpty ? "" : "REDACTED").replacingOccurrences(of: "<m:username>admin", with: "<m:username>REDACTED")
            #expect(result == expected, "\(split)")
            #expect(!result.contains("456"), "\(split)")
        }
        #expect(redacted("<a><PassWord>x</PassWord><password/></a>") == "<a><PassWord>REDACTED</PassWord><password/></a>", "names match without case")
    }

    @Test func aGreaterThanInAnAttributeKeepsTheEnvelopeWellFormed() throws {
        let body = #"<a x=">"><password note="a>b" y='c>d'>123</password><b>t</b></a>"#
        let result = redacted(body)
        #expect(result == #"<a x=">"><password note="a>b" y='c>d'>REDACTED</password><b>t</b></a>"#)
        #expect(throws: Never.self) { try XMLDocumentParser.parse(Array(result.utf8)) }
    }

    @Test func aJSONSecretIsFoundByItsDecodedKey() {
        #expect(redacted(#"{"pass\u0077ord": "123", "user": {"api\u004Bey": 42, "Token": {"v": "t"}}, "content": "password"}"#)
            == #"{"pass\u0077ord": "REDACTED", "user": {"api\u004Bey": "REDACTED", "Token": "REDACTED"}, "content": "password"}"#)
        #expect(redacted(#"{"access_token":"eyJ","token_type":"bearer"}"#) == #"{"access_token":"REDACTED","token_type":"bearer"}"#)
        let plain = #"{"number": "905551230011", "content": "Kodunuz 4821 ğüşıöçİ"}"#
        #expect(redacted(plain) == plain)
    }

    @Test func queriesAndFormsAreRedactedByTheirDecodedNames() {
        #expect(CredentialRedaction.query("user=a&password=1%262&pass%77ord=3&auth%5Btoken%5D=4&x=5") == "user=a&password=REDACTED&pass%77ord=REDACTED&auth%5Btoken%5D=REDACTED&x=5")
        #expect(redacted("username=a&password=b&grant_type=password") == "username=REDACTED&password=REDACTED&grant_type=password")
    }

    @Test func anUnreadableBodyThatMayHideACredentialIsReplacedWhole() {
        #expect(redacted(#"{"pass\u0077ord": "123""#) == "REDACTED")
        #expect(redacted("<password>123<password>") == "REDACTED")
        #expect(redacted("not json at all") == "not json at all")
        let binary: [UInt8] = [0xFF, 0x00, 0xFE]
        #expect(CredentialRedaction.body(binary) == binary)
    }

    @Test func aRecordingRedactsItsQuery() {
        let exchange = RecordedExchange(
            recordedAt: "2026-12-06T10:00:00Z", upstream: "u", durationMs: 1, conformance: [], method: "GET", path: "/user/credit",
            query: "apiKey=k&x=1", requestHeaders: [("Authorization", "Bearer abc")], requestBody: [], status: 200, replyHeaders: [], replyBody: []
        )
        #expect(exchange.request.query == "apiKey=REDACTED&x=1")
        #expect(exchange.request.headers.first?.value == "Bearer REDACTED")
    }

    /// The journal is read by every job that shares the mock: headers, bodies and queries are redacted when read, and a
    /// body past the journal's cut is redacted before it is cut.
    @Test func theJournalShowsNoCredential() async throws {
        let mocks = try AdminInboxTests.mocks()
        let soap = #"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:getUserCredit xmlns:m="urn:x"><m:username>admin</m:username><m:password>12<!---->3456</m:password></m:getUserCredit></s:Body></s:Envelope>"#
        try await Application(router: mocks.nodeAPIRouter()).test(.router) { node in
            _ = try await node.execute(uri: "/user/credit?password=123456", method: .post, headers: AdminFaultsTests.admin)
            _ = try await node.execute(uri: "/soap", method: .post, headers: [.contentType: "text/xml"], body: ByteBuffer(string: soap))
            let long = #"{"password": "123456", "content": ""# + String(repeating: "ş", count: RequestJournal.bodyLimit) + #""}"#
            _ = try await node.execute(uri: "/sms/create", method: .post, headers: AdminFaultsTests.admin, body: ByteBuffer(string: long))
        }
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let response = try await admin.execute(uri: "/__admin/requests", method: .get)
            let text = String(buffer: response.body)
            #expect(!text.contains("123456"))
            #expect(!text.contains(AdminFaultsTests.admin[.authorization] ?? "?"))
            let listed = try JSONDecoder().decode(AdminModels.Requests.self, from: response.body)
            #expect(listed.requests.count == 3)
            #expect(listed.requests.allSatisfy { $0.requestHeaders["Authorization"].map { $0 == "Basic REDACTED" } ?? true })
            #expect(listed.requests.contains { $0.requestBody.contains("<m:password>REDACTED</m:password>") })
            #expect(listed.requests.contains { $0.query == "password=REDACTED" })
            #expect(listed.requests.contains { $0.requestBody.hasPrefix(#"{"password": "REDACTED", "content": "şş"#) })
        }
    }
}
