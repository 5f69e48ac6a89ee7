import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `provider-mock serve` as a person runs it: both providers come up on their ports, and a consent saved
/// through the İYS API decides who gets the Node API's next commercial package.
@Suite struct ServeCommandTests {
    /// Starts the binary and returns once both servers log that they listen (no sleeping, no polling).
    func serve(nodeAPIPort: Int, iysPort: Int) throws -> Process {
        let process = Process()
        process.executableURL = ConvertCommandTests.binary
        process.arguments = ["serve", "--node-api-port", "\(nodeAPIPort)", "--iys-port", "\(iysPort)"]
        let log = Pipe()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        var text = ""
        while !(text.contains("listening on 127.0.0.1:\(nodeAPIPort)") && text.contains("listening on 127.0.0.1:\(iysPort)")) {
            let chunk = log.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        #expect(text.contains("listening on 127.0.0.1:\(iysPort)"), "\(text)")
        return process
    }

    func call(_ url: String, body: String, headers: [String: String]) async throws -> (Int, String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func bothProvidersServeAndShareTheConsentStore() async throws {
        let base = 20_000 + Int.random(in: 0..<20_000)
        let process = try serve(nodeAPIPort: base, iysPort: base + 1)
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
    }
}
