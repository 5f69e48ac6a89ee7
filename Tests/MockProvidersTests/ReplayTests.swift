import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
@testable import MockProviders
@testable import MockRecording
@testable import MockSimulations
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

    /// Bodies that made the first, pattern-matching redaction quadratic (a 400 KB body of `<username ` took nine
    /// minutes; 50 000 repeats here would take minutes too): the scan is one pass. The time limit turns a return of that
    /// into a failure, not a hang.
    @Test(.timeLimit(.minutes(1))) func redactionIsOnePassWhateverTheBodyHolds() {
        for unit in ["<username ", "<a:password x=\"", "\"password\":\"", "\"password\" : ", "<username>", "\"\\"] {
            let body = Array(String(repeating: unit, count: 50_000).utf8)
            let redacted = RecordedExchange.redacting(body: body)
            #expect(RecordedExchange.redacting(body: redacted) == redacted)
        }
        let wsdl = Array((String(repeating: "<soap:address location=", count: 50_000) + #"<soap:address location="http://x/soap"/>"#).utf8)
        #expect(String(decoding: MarkupScanner.replacing(MarkupScanner.startTags(wsdl).filter { $0.localName == "address" }.map(\.text), in: wsdl, with: []), as: UTF8.self).hasSuffix("/>"))
    }

    /// For every request a client might send (the document's examples, cut and mutated): redaction is idempotent, and a
    /// recording of the request, written and read back, answers that same request.
    @Test func aRecordingAnswersTheRequestItWasMadeOf() throws {
        var generator = SplitMix64(state: 15)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("NodeAPIJSONTests/Golden")
        var bodies: [(String, [UInt8])] = try FileManager.default.contentsOfDirectory(atPath: golden.path).filter { $0.hasSuffix(".request.json") }.sorted().map { file in
            ("/" + file.replacingOccurrences(of: ".request.json", with: "").replacingOccurrences(of: "-", with: "/", options: [], range: file.range(of: "-")), Array(try Data(contentsOf: golden.appendingPathComponent(file))))
        }
        let soap = try NodeAPISOAP.encodeRequest(CancelSmsRequest(package: .id(7)), credentials: Credentials(username: "admin", password: "123456"))
        bodies.append(("/soap", soap))
        for (path, body) in bodies {
            for round in 0..<20 {
                var mutated = body
                if round > 0, !mutated.isEmpty {
                    for _ in 0..<(1 + Int(generator.next() % 4)) {
                        let at = Int(generator.next() % UInt64(mutated.count))
                        switch generator.next() % 3 {
                        case 0: mutated[at] = UInt8(truncatingIfNeeded: generator.next())
                        case 1: mutated.remove(at: at)
                        default: mutated.insert(contentsOf: Array(["\"password\":\"x\"", "<username>u</username>", "\\", "<"][Int(generator.next() % 4)].utf8), at: at)
                        }
                    }
                }
                let redacted = RecordedExchange.redacting(body: mutated)
                #expect(RecordedExchange.redacting(body: redacted) == redacted)
                let exchange = RecordedExchange(
                    recordedAt: "2026-12-02T10:00:00Z", upstream: "u", durationMs: 1, conformance: [], method: "POST", path: path, query: nil,
                    requestHeaders: [], requestBody: mutated, status: 200, replyHeaders: [], replyBody: Array("ok".utf8)
                )
                let read = try JSONDecoder().decode(RecordedExchange.self, from: JSONEncoder().encode(exchange))
                let book = ReplayBook([("f.json", read)])
                #expect(book.answer(method: "POST", path: path, query: nil, body: mutated) != nil, "\(path) round \(round): \(String(decoding: mutated, as: UTF8.self))")
            }
        }
    }

    @Test func fileNamesSayWhatWasCalled() {
        #expect(RecordedExchange.fileName(sequence: 7, method: "POST", path: "/sms/create", soapAction: nil) == "0007-sms-create.json")
        #expect(RecordedExchange.fileName(sequence: 12_345, method: "POST", path: "/soap", soapAction: "sendSms") == "12345-soap-sendSms.json")
        #expect(RecordedExchange.fileName(sequence: 1, method: "GET", path: "/", soapAction: nil) == "0001-get.json")
        #expect(RecordedExchange.fileName(sequence: 2, method: "GET", path: "/../../etc/passwd", soapAction: nil) == "0002-etc-passwd.json")
    }

    /// Issue 23, item 13: a recording of a 204 (or 304) that carries a body is answered without it; the body written
    /// after the head was read as the next reply on the connection. An interim status is not a reply at all: 502.
    @Test func aReplayed204WritesNoBody() async throws {
        func recording(status: Int, path: String, body: String = "HTTP/1.1 200 OK\r\n\r\nsahte") -> RecordedExchange {
            RecordedExchange(
                recordedAt: "2026-12-06T10:00:00Z", upstream: "u", durationMs: 1, conformance: [], method: "POST", path: path, query: nil,
                requestHeaders: [], requestBody: Array("{}".utf8), status: status, replyHeaders: [], replyBody: Array(body.utf8)
            )
        }
        let book = ReplayBook([("0001-a.json", recording(status: 204, path: "/sms/cancel")), ("0002-b.json", recording(status: 100, path: "/sms/list", body: "{}"))])
        let router = Router(context: MockRequestContext.self)
        NodeAPIRoutes(simulation: NodeAPISimulation(accounts: [ScenarioFixtures.admin], clock: ManualClock()), replay: book).register(on: router)
        try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            let post = { (path: String) in "POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" }
            connection.write(post("/sms/cancel") + post("/sms/list") + "GET /mock/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            let replies = try #require(await connection.readUntilClosed(within: 10))
            #expect(!replies.contains("sahte"), "\(replies)")
            // Each reply framed as its head says: the 204's head is followed at once by the next reply.
            #expect(replies.components(separatedBy: "HTTP/1.1 ").dropFirst().map { String($0.prefix(3)) } == ["204", "502", "200"], "\(replies.debugDescription)")
            #expect(replies.contains("0001-a.json\r\nDate: ") && !replies.contains("GMT\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
        }
    }
}
