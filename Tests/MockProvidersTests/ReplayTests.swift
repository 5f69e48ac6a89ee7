import Foundation
@testable import MockProviders
import NodeAPI
import NodeAPISOAP
import Testing

/// Issue 15: recordings keep no credential, and replay matches requests as the model reads them (without I/O but the
/// directory a book is loaded from).
@Suite struct ReplayTests {
    @Test func credentialsAreRedactedFromHeadersAndBodies() {
        let headers = RecordedExchange.redacting([("Authorization", "Basic YWRtaW46MTIzNDU2"), ("cookie", "s=1"), ("Content-Type", "application/json")])
        #expect(headers.map(\.value) == ["Basic REDACTED", "REDACTED", "application/json"])
        let soap = #"<s:Envelope><s:Body><m:sendSms><m:username>admin</m:username><password type="x">1&amp;2</password><content>Şifre</content></m:sendSms></s:Body></s:Envelope>"#
        #expect(String(decoding: RecordedExchange.redacting(body: Array(soap.utf8)), as: UTF8.self)
            == #"<s:Envelope><s:Body><m:sendSms><m:username>REDACTED</m:username><password type="x">REDACTED</password><content>Şifre</content></m:sendSms></s:Body></s:Envelope>"#)
        let json = #"{"username": "admin", "password":"a\"b", "content": "password"}"#
        #expect(String(decoding: RecordedExchange.redacting(body: Array(json.utf8)), as: UTF8.self)
            == #"{"username": "REDACTED", "password":"REDACTED", "content": "password"}"#)
        let binary: [UInt8] = [0xFF, 0x00, 0xFE]
        #expect(RecordedExchange.redacting(body: binary) == binary)
        #expect(RecordedExchange.Body(binary).bytes == binary, "a body that is not UTF-8 goes in base64")
        #expect(RecordedExchange.Body(binary).text == nil)
    }

    @Test func requestsMatchAsTheModelReadsThem() throws {
        func key(_ path: String, _ body: String, method: String = "POST", query: String? = nil) -> ReplayKey {
            ReplayKey(method: method, path: path, query: query, body: Array(body.utf8))
        }
        #expect(key("/sms/list-item", #"{"pkgID": 7, "pageSize": 50}"#) == key("/sms/list-item", "{ \"pageSize\" : 50,\n \"pkgID\" : 7 }"))
        #expect(key("/sms/list-item", #"{"pkgID": 7}"#) == key("/sms/list-item", "", method: "GET", query: "pkgID=7"), "a GET matches the POST with its fields")
        #expect(key("/sms/list-item", #"{"pkgID": 7}"#) != key("/sms/list-item", #"{"pkgID": 8}"#))
        #expect(key("/user/credit", "") == key("/user/credit", #"{"ignored": true}"#), "a field the model ignores does not count")
        let one = try NodeAPISOAP.encodeRequest(CancelSmsRequest(package: .id(7)), credentials: Credentials(username: "a", password: "1"))
        let other = String(decoding: try NodeAPISOAP.encodeRequest(CancelSmsRequest(package: .id(7)), credentials: Credentials(username: "b", password: "2")), as: UTF8.self)
            .replacingOccurrences(of: "soapenv:", with: "S:").replacingOccurrences(of: "xmlns:soapenv", with: "xmlns:S")
        #expect(ReplayKey(method: "POST", path: "/soap", query: nil, body: one) == key("/soap", other), "prefixes and credentials do not count")
        #expect(ReplayKey(method: "POST", path: "/soap", query: nil, body: one) != key("/sms/cancel", #"{"id": 7}"#), "the face does")
        #expect(key("/unknown", "{\"password\": \"1\"}") == key("/unknown", "{\"password\": \"2\"}"), "what the model cannot read is matched redacted")
    }

    @Test func aDirectoryIsReadInNameOrderAndABadFileIsNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (number, credit) in [(2, 50), (1, 100)] {
            let exchange = RecordedExchange(
                recordedAt: "2026-12-02T10:00:00Z", upstream: "https://api.example.com", durationMs: 3, conformance: [], method: "POST", path: "/user/credit",
                query: nil, requestHeaders: [], requestBody: [], status: 200, replyHeaders: [("Content-Type", "application/json")],
                replyBody: Array(#"{"data":{"credit":\#(credit)},"err":null}"#.utf8)
            )
            try exchange.write(to: directory, name: RecordedExchange.fileName(sequence: number, method: "POST", path: "/user/credit", soapAction: nil))
        }
        let book = try ReplayBook.load(directory: directory.path)
        #expect(book.count == 2)
        let replies = (0..<3).map { _ in book.answer(method: "GET", path: "/user/credit", query: nil, body: [])?.bytes }
        #expect(replies.map { $0.map { String(decoding: $0, as: UTF8.self) } } == [
            #"{"data":{"credit":100},"err":null}"#, #"{"data":{"credit":50},"err":null}"#, #"{"data":{"credit":50},"err":null}"#,
        ])
        #expect(book.answer(method: "POST", path: "/sms/list", query: nil, body: [])?.bytes == nil)

        try Data(#"{"recordedAt": "x"}"#.utf8).write(to: directory.appendingPathComponent("0003-broken.json"))
        #expect(throws: ReplayError.self) { try ReplayBook.load(directory: directory.path) }
        do {
            _ = try ReplayBook.load(directory: directory.path)
        } catch {
            #expect(error.message.contains("0003-broken.json: not a recording"), "\(error.message)")
        }
        #expect(throws: ReplayError.self) { try ReplayBook.load(directory: directory.path + "-missing") }
    }

    @Test func fileNamesSayWhatWasCalled() {
        #expect(RecordedExchange.fileName(sequence: 7, method: "POST", path: "/sms/create", soapAction: nil) == "0007-sms-create.json")
        #expect(RecordedExchange.fileName(sequence: 12_345, method: "POST", path: "/soap", soapAction: "sendSms") == "12345-soap-sendSms.json")
        #expect(RecordedExchange.fileName(sequence: 1, method: "GET", path: "/", soapAction: nil) == "0001-get.json")
        #expect(RecordedExchange.fileName(sequence: 2, method: "GET", path: "/../../etc/passwd", soapAction: nil) == "0002-etc-passwd.json")
    }
}
