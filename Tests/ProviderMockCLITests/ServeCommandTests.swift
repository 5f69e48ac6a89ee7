import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `provider-mock serve` as a person runs it: the three providers come up on their ports, and a consent saved
/// through the İYS API decides who gets the Node API's next commercial package.
@Suite struct ServeCommandTests {
    /// Starts the binary and returns once the three servers log that they listen (no sleeping, no polling).
    func serve(nodeAPIPort: Int, iysPort: Int, euromsgPort: Int) throws -> Process {
        let process = Process()
        process.executableURL = ConvertCommandTests.binary
        process.arguments = ["serve", "--node-api-port", "\(nodeAPIPort)", "--iys-port", "\(iysPort)", "--euromsg-port", "\(euromsgPort)"]
        let log = Pipe()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        var text = ""
        while ![nodeAPIPort, iysPort, euromsgPort].allSatisfy({ text.contains("listening on 127.0.0.1:\($0)") }) {
            let chunk = log.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        #expect(text.contains("listening on 127.0.0.1:\(euromsgPort)"), "\(text)")
        return process
    }

    func call(_ url: String, method: String = "POST", body: String, headers: [String: String]) async throws -> (Int, String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.httpBody = Data(body.utf8)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func theProvidersServeAndShareTheConsentStore() async throws {
        let base = 20_000 + Int.random(in: 0..<20_000)
        let process = try serve(nodeAPIPort: base, iysPort: base + 1, euromsgPort: base + 2)
        defer { process.terminate(); process.waitUntilExit() }
        let sms = "http://127.0.0.1:\(base)", iys = "http://127.0.0.1:\(base + 1)"
        let basic = ["Authorization": "Basic " + Data("admin:123456".utf8).base64EncodedString(), "Content-Type": "application/json"]

        let (tokenStatus, tokenBody) = try await call("\(iys)/oauth/token", body: "username=admin&password=123456&grant_type=password", headers: ["Content-Type": "application/x-www-form-urlencoded"])
        #expect(tokenStatus == 200)
        let token = try #require((try JSONSerialization.jsonObject(with: Data(tokenBody.utf8)) as? [String: Any])?["access_token"] as? String)
        let bearer = ["Authorization": "bearer \(token)", "Content-Type": "application/json"]
        func consent(_ recipient: String, _ status: String) -> String {
            #"{"brandCode": "5565656556", "consentData": {"recipient": "\#(recipient)", "type": "MESAJ", "source": "HS_WEB", "status": "\#(status)", "consentDate": "2025-03-01 10:00:00"}}"#
        }
        // The seeded ONAY of …0011 is withdrawn; …0013 has no consent yet.
        #expect(try await call("\(iys)/api/IYSConsent/SendConsent", body: consent("+905551230011", "RET"), headers: bearer).0 == 200)
        let commercial = #"{"type": 1, "sendingType": 1, "numbers": [905551230011, 905551230013], "sender": "BASLIK", "title": "Kampanya", "content": "İndirim", "commercial": true}"#
        #expect(try await call("\(sms)/sms/create", body: commercial, headers: basic).0 == 200)
        #expect(try await call("\(sms)/user/credit", body: "", headers: basic).1.contains(#""credit":100000"#))
        // Consent given through the İYS API: the next package to …0013 is sent and charged.
        #expect(try await call("\(iys)/api/IYSConsent/SendConsent", body: consent("+905551230013", "ONAY"), headers: bearer).0 == 200)
        // The same content to the same numbers within 30 minutes would be ERR_SMS_PKG_DUPLICATION: new text.
        let again = commercial.replacingOccurrences(of: "İndirim", with: "İndirim başladı")
        #expect(try await call("\(sms)/sms/create", body: again, headers: basic).0 == 200)
        #expect(try await call("\(sms)/user/credit", body: "", headers: basic).1.contains(#""credit":99999"#))

        // Euromsg Express: the integrator's token, the demo end user's API key, their seeded lists.
        let express = "http://127.0.0.1:\(base + 2)"
        let (expressStatus, expressBody) = try await call("\(express)/tokens", body: #"{"clientName": "admin", "password": "123456"}"#, headers: [:])
        #expect(expressStatus == 200)
        let tokenValue = try #require((try JSONSerialization.jsonObject(with: Data(expressBody.utf8)) as? [String: Any])?["tokenValue"] as? String)
        let integrator = ["Authorization": "Bearer \(tokenValue)", "Content-Type": "application/json"]
        #expect(try await call("\(express)/apiKey/identification", method: "PUT", body: #"{"apiKey": "EXP-DEMO-7F3A9C21"}"#, headers: integrator).0 == 200)
        let lists = try await call("\(express)/email-list", method: "GET", body: "", headers: integrator)
        #expect(lists.0 == 200 && lists.1.contains("Bülten Aboneleri"))
    }

    @Test func sendTriesTheConnectorAgainstTheServedMocks() async throws {
        let base = 20_000 + Int.random(in: 0..<20_000)
        let process = try serve(nodeAPIPort: base, iysPort: base + 1, euromsgPort: base + 2)
        defer { process.terminate(); process.waitUntilExit() }
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("connections-\(base).yaml")
        try """
        providers:
          - name: FigenSoft
            rank: 3
            apiUrl: "http://127.0.0.1:\(base)"
            connections:
              - { username: admin, password: "123456", smsIysMessageType: CAMPAIGN, senderList: [BASLIK], customApiActive: false }
        iys: { mode: integrator, apiUrl: "http://127.0.0.1:\(base + 1)", username: admin, password: "123456", brandCode: "5565656556" }
        """.write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let cli = ConvertCommandTests()
        let sent = try cli.run(["send", "--config", config.path, "--type", "CAMPAIGN", "--to", "905551230011", "905551230012", "--text", "Kasım indirimi"], stdin: [])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("no İYS consent (not sent): 905551230012"))
        #expect(sent.stdout.contains("sent through FigenSoft from BASLIK to 1 recipient(s)"))
        let refused = try cli.run(["send", "--config", config.path, "--type", "NOTIFICATION", "--to", "905551230011", "--text", "x"], stdin: [])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no provider has a connection for NOTIFICATION messages"))
    }
}
