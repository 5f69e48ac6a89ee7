import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `provider-mock serve` as a person runs it: the three providers come up on their ports, and a consent saved
/// through the İYS API decides who gets the Node API's next commercial package.
@Suite struct ServeCommandTests {
    /// The served mocks' base URLs, read from serve's log.
    struct Served: Sendable {
        var process: Process
        var nodeAPI: String
        var iys: String
        var euromsg: String
        var admin: String
        /// The Node API over TLS (https://…).
        var nodeAPITLS: String
    }

    /// Starts the binary on ports the OS picks (port 0) and returns once the three mocks and the admin API log the ports they listen on
    /// (no sleeping, no polling).
    func serve(_ extra: [String] = []) async throws -> Served {
        try await OffPool.run { try Self.start(extra) }
    }

    private static func start(_ extra: [String]) throws -> Served {
        let process = Process()
        process.executableURL = ConvertCommandTests.binary
        process.arguments = ["serve", "--node-api-port", "0", "--iys-port", "0", "--euromsg-port", "0", "--admin-port", "0", "--node-api-tls-port", "0"] + extra
        let log = Pipe()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        var text = ""
        var urls: [String: String] = [:]
        while urls.count < 5 {
            let chunk = log.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            for line in text.split(separator: "\n") {
                for name in ["Node API mock", "MySoft İYS mock", "Euromsg Express mock", "Admin API", "Node API mock over TLS"] where line.hasPrefix("\(name) listening on ") {
                    urls[name] = line.dropFirst("\(name) listening on ".count).split(separator: " ").first.map(String.init)
                }
            }
        }
        #expect(urls.count == 5, "\(text)")
        return Served(
            process: process, nodeAPI: urls["Node API mock"] ?? "", iys: urls["MySoft İYS mock"] ?? "", euromsg: urls["Euromsg Express mock"] ?? "",
            admin: urls["Admin API"] ?? "", nodeAPITLS: urls["Node API mock over TLS"] ?? ""
        )
    }

    func call(_ url: String, method: String = "POST", body: String, headers: [String: String]) async throws -> (Int, String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.httpBody = Data(body.utf8)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func theProvidersServeAndShareTheConsents() async throws {
        let served = try await serve()
        defer { served.process.terminate() }
        let sms = served.nodeAPI, iys = served.iys
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
        let express = served.euromsg
        let (expressStatus, expressBody) = try await call("\(express)/tokens", body: #"{"clientName": "admin", "password": "123456"}"#, headers: [:])
        #expect(expressStatus == 200)
        let tokenValue = try #require((try JSONSerialization.jsonObject(with: Data(expressBody.utf8)) as? [String: Any])?["tokenValue"] as? String)
        let integrator = ["Authorization": "Bearer \(tokenValue)", "Content-Type": "application/json"]
        #expect(try await call("\(express)/apiKey/identification", method: "PUT", body: #"{"apiKey": "EXP-DEMO-7F3A9C21"}"#, headers: integrator).0 == 200)
        let lists = try await call("\(express)/email-list", method: "GET", body: "", headers: integrator)
        #expect(lists.0 == 200 && lists.1.contains("Bülten Aboneleri"))
    }

    /// Issue 23, item 3: the state is written on a schedule after changes, so a SIGKILL loses at most `--state-interval`;
    /// a bad state file and a path that cannot be written stop the server at start, naming why.
    @Test func stateIsWrittenOnAScheduleAndCheckedAtStart() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let basic = ["Authorization": "Basic " + Data("admin:123456".utf8).base64EncodedString(), "Content-Type": "application/json"]
        let first = try await serve(["--state", file.path, "--state-interval", "0.2"])
        let created = try await call("\(first.nodeAPI)/sms/create", body: #"{"type": 1, "sendingType": 1, "numbers": [905551230011], "sender": "BASLIK", "title": "Ani", "content": "SIGKILL'e dayanır"}"#, headers: basic)
        let pkgID = try #require(((try JSONSerialization.jsonObject(with: Data(created.1.utf8)) as? [String: Any])?["data"] as? [String: Any])?["pkgID"] as? Int)
        // The keeper writes within its interval; wait for the file to hold the package (bounded: 10 s).
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline, !((try? String(contentsOf: file, encoding: .utf8))?.contains("SIGKILL") ?? false) {
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(first.process.processIdentifier, SIGKILL)
        await OffPool.exit(of: first.process)
        let second = try await serve(["--state", file.path])
        let listed = try await call("\(second.nodeAPI)/sms/list", body: #"{"ids": [\#(pkgID)]}"#, headers: basic)
        #expect(listed.1.contains(#""id":\#(pkgID)"#), "\(listed.1)")
        second.process.terminate()
        await OffPool.exit(of: second.process)

        // A counter at Int.max: refused at start, naming the field.
        var state = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var nodeAPI = try #require(state["nodeAPI"] as? [String: Any])
        nodeAPI["nextPackageID"] = Int.max
        state["nodeAPI"] = nodeAPI
        try JSONSerialization.data(withJSONObject: state).write(to: file)
        let (bad, badLog) = try await run(["serve", "--node-api-port", "0", "--iys-port", "0", "--euromsg-port", "0", "--admin-port", "0", "--node-api-tls-port", "0", "--state", file.path])
        #expect(bad == 1)
        #expect(badLog.contains("nodeAPI.nextPackageID"), "\(badLog)")

        let (unwritable, log) = try await run(["serve", "--node-api-port", "0", "--iys-port", "0", "--euromsg-port", "0", "--admin-port", "0", "--node-api-tls-port", "0", "--state", "/proc/provider-mock/state.json"])
        #expect(unwritable == 1)
        #expect(log.contains("cannot be written"), "\(log)")
    }

    /// Runs the binary to its end, with `environment` added to this process's (less any `PROVIDER_MOCK_` of its own);
    /// its status and what it printed.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> (Int32, String) {
        try await OffPool.run { try Self.runToEnd(arguments, environment: environment) }
    }

    private static func runToEnd(_ arguments: [String], environment: [String: String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = ConvertCommandTests.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PROVIDER_MOCK_") }.merging(environment) { $1 }
        let log = Pipe()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        let text = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// `serve --state FILE`: a package, its credit, a contact and an İYS consent survive a restart (SIGTERM writes the
    /// file, the next start reads it).
    @Test func stateSurvivesARestart() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let basic = ["Authorization": "Basic " + Data("admin:123456".utf8).base64EncodedString(), "Content-Type": "application/json"]
        let consent = #"{"brandCode": "5565656556", "consentData": {"recipient": "+905551239988", "type": "MESAJ", "source": "HS_WEB", "status": "ONAY", "consentDate": "2025-03-01 10:00:00"}}"#
        /// A Euromsg Express token bound to the bundled end user.
        func express(_ euromsg: String) async throws -> [String: String] {
            let body = try await call("\(euromsg)/tokens", body: #"{"clientName": "admin", "password": "123456"}"#, headers: ["Content-Type": "application/json"]).1
            let token = try #require((try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["tokenValue"] as? String)
            let headers = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            #expect(try await call("\(euromsg)/apiKey/identification?apiKey=EXP-DEMO-7F3A9C21", method: "PUT", body: "", headers: headers).0 == 200)
            return headers
        }
        func bearer(_ iys: String) async throws -> [String: String] {
            let body = try await call("\(iys)/oauth/token", body: "username=admin&password=123456&grant_type=password", headers: ["Content-Type": "application/x-www-form-urlencoded"]).1
            let token = try #require((try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["access_token"] as? String)
            return ["Authorization": "bearer \(token)", "Content-Type": "application/json"]
        }

        let first = try await serve(["--state", file.path])
        let created = try await call("\(first.nodeAPI)/sms/create", body: #"{"type": 1, "sendingType": 1, "numbers": [905551230011, 905551230012], "sender": "BASLIK", "title": "Kalıcı", "content": "Yeniden başlatmaya dayanır"}"#, headers: basic)
        #expect(created.0 == 200)
        let pkgID = try #require(((try JSONSerialization.jsonObject(with: Data(created.1.utf8)) as? [String: Any])?["data"] as? [String: Any])?["pkgID"] as? Int)
        #expect(try await call("\(first.nodeAPI)/contact/create", body: #"{"gsm": "905551237766", "firstName": "Ayşe", "lastName": "Yılmaz"}"#, headers: basic).0 == 200)
        #expect(try await call("\(first.iys)/api/IYSConsent/SendConsent", body: consent, headers: try await bearer(first.iys)).0 == 200)
        let list = try await call("\(first.euromsg)/email-list", body: #"{"name": "Kalıcı liste"}"#, headers: try await express(first.euromsg))
        #expect(list.0 == 201, "\(list.1)")
        first.process.terminate()
        await OffPool.exit(of: first.process)
        #expect(FileManager.default.fileExists(atPath: file.path))

        let second = try await serve(["--state", file.path])
        defer { if second.process.isRunning { second.process.terminate() } }
        let listed = try await call("\(second.nodeAPI)/sms/list", body: #"{"ids": [\#(pkgID)]}"#, headers: basic)
        #expect(listed.1.contains(#""id":\#(pkgID)"#), "\(listed.1)")
        #expect(listed.1.contains("Kalıcı"))
        #expect(try await call("\(second.nodeAPI)/user/credit", body: "", headers: basic).1.contains(#""credit":99998"#))
        #expect(try await call("\(second.nodeAPI)/contact/list", body: "", headers: basic).1.contains("Ayşe"))
        let status = try await call(
            "\(second.iys)/api/IYSConsent/ConsentStatus", body: #"{"brandCode": "5565656556", "recipient": "+905551239988", "recipientType": "BIREYSEL", "type": "MESAJ"}"#,
            headers: try await bearer(second.iys)
        )
        #expect(status.0 == 200 && status.1.contains("ONAY"), "\(status.1)")
        let lists = try await call("\(second.euromsg)/email-list", method: "GET", body: "", headers: try await express(second.euromsg))
        #expect(lists.0 == 200 && lists.1.contains("Kalıcı liste"), "\(lists.1)")
        // The server writes its state as it stops: wait for that before the file is removed, or it is left behind.
        second.process.terminate()
        await OffPool.exit(of: second.process)
    }

    /// Issue 14, the first slice of the admin API: `serve --clock manual` stands still until `POST /__admin/clock/advance`
    /// moves it, and what fell due meanwhile (a package's delivery) has happened when the reply comes; the journal of
    /// every mock reads back through `GET /__admin/requests`; bad input gets `{"error", "field"}` with a 4xx.
    @Test func theAdminAPIMovesAManualClockAndReadsTheJournal() async throws {
        let served = try await serve(["--clock", "manual"])
        defer { served.process.terminate() }
        let admin = served.admin
        let basic = ["Authorization": "Basic " + Data("admin:123456".utf8).base64EncodedString(), "Content-Type": "application/json"]
        let json = ["Content-Type": "application/json"]
        func object(_ text: String) throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) }

        let clock = try object(try await call("\(admin)/__admin/clock", method: "GET", body: "", headers: [:]).1)
        #expect(clock["mode"] as? String == "manual")
        let start = try #require(clock["epochMillis"] as? Int)
        let created = try await call("\(served.nodeAPI)/sms/create", body: #"{"type": 1, "sendingType": 0, "number": 905551230011, "sender": "BASLIK", "title": "Saat", "content": "Zaman durdu mu?"}"#, headers: basic)
        let pkgID = try #require((try object(created.1)["data"] as? [String: Any])?["pkgID"] as? Int)
        func state() async throws -> Int? {
            let listed = try object(try await call("\(served.nodeAPI)/sms/list", body: #"{"ids": [\#(pkgID)]}"#, headers: basic).1)
            return ((listed["data"] as? [String: Any])?["list"] as? [[String: Any]])?.first?["state"] as? Int
        }
        // The clock stands still: however long this test takes, the package is not delivered.
        #expect(try await state() != 6)
        let advanced = try await call("\(admin)/__admin/clock/advance", body: #"{"seconds": 60}"#, headers: json)
        #expect(advanced.0 == 200, "\(advanced.1)")
        #expect(try object(advanced.1)["epochMillis"] as? Int == start + 60_000)
        #expect(try await state() == 6, "delivered (complete) once the clock has passed its report time")

        let journal = try object(try await call("\(admin)/__admin/requests?provider=node-api&path=/sms/create", method: "GET", body: "", headers: [:]).1)
        let entries = try #require(journal["requests"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["user"] as? String == "admin" && entries.first?["status"] as? Int == 200)
        #expect((entries.first?["requestBody"] as? String)?.contains("Zaman durdu mu?") == true)
        let all = try object(try await call("\(admin)/__admin/requests?path=/sms/*&limit=1", method: "GET", body: "", headers: [:]).1)
        #expect((all["requests"] as? [[String: Any]])?.first?["path"] as? String == "/sms/list", "newest first")
        #expect(all["matched"] as? Int == 3)

        for (path, body, status, field) in [
            ("/__admin/clock/advance", #"{"seconds": -1}"#, 400, "seconds"),
            ("/__admin/clock/advance", #"{"seconds": "bir"}"#, 400, "seconds"),
            ("/__admin/clock/advance", #"{"seconds": 1e300}"#, 400, "seconds"),
            ("/__admin/clock", #"{"now": "dün"}"#, 400, "now"),
            ("/__admin/clock", #"{"now": "2000-01-01T00:00:00Z"}"#, 409, "now"),
            ("/__admin/clock", #"{"mode": "yavaş"}"#, 400, "mode"),
        ] {
            let reply = try await call("\(admin)\(path)", body: body, headers: json)
            #expect(reply.0 == status, "\(path) \(body): \(reply.1)")
            #expect(try object(reply.1)["field"] as? String == field, "\(path) \(body): \(reply.1)")
        }
        let provider = try await call("\(admin)/__admin/requests?provider=sms", method: "GET", body: "", headers: [:])
        #expect(provider.0 == 400 && provider.1.contains("node-api, iys, euromsg"), "\(provider.1)")
        let unknown = try await call("\(admin)/__admin/nothing", method: "GET", body: "", headers: [:])
        let unknownError = try object(unknown.1)["error"] as? String
        #expect(unknown.0 == 404 && unknownError?.contains("not an admin call") == true, "\(unknown.1)")

        // Back on the system's time, the clock keeps the advance and refuses manual moves.
        let system = try object(try await call("\(admin)/__admin/clock", body: #"{"mode": "system"}"#, headers: json).1)
        #expect(system["mode"] as? String == "system")
        #expect(try #require(system["epochMillis"] as? Int) >= start + 60_000)
        let refused = try await call("\(admin)/__admin/clock/advance", body: #"{"seconds": 1}"#, headers: json)
        #expect(refused.0 == 409 && refused.1.contains("switch it to manual"), "\(refused.1)")

        #expect(try await call("\(admin)/__admin/requests", method: "DELETE", body: "", headers: [:]).0 == 204)
        let emptied = try object(try await call("\(admin)/__admin/requests?provider=node-api", method: "GET", body: "", headers: [:]).1)
        #expect(emptied["matched"] as? Int == 0)
    }

    @Test func sendTriesTheConnectorAgainstTheServedMocks() async throws {
        let served = try await serve()
        defer { served.process.terminate() }
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("connections-\(served.process.processIdentifier).yaml")
        try """
        providers:
          - name: FigenSoft
            rank: 3
            apiUrl: "\(served.nodeAPI)"
            connections:
              - { username: admin, password: "123456", smsIysMessageType: CAMPAIGN, senderList: [BASLIK], customApiActive: false }
        iys: { mode: integrator, apiUrl: "\(served.iys)", username: admin, password: "123456", brandCode: "5565656556" }
        """.write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let cli = ConvertCommandTests()
        let sent = try await cli.run(["send", "--config", config.path, "--type", "CAMPAIGN", "--to", "905551230011", "905551230012", "--text", "Kasım indirimi"], stdin: [])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("no İYS consent (not sent): 905551230012"))
        #expect(sent.stdout.contains("sent through FigenSoft from BASLIK to 1 recipient(s)"))
        let refused = try await cli.run(["send", "--config", config.path, "--type", "NOTIFICATION", "--to", "905551230011", "--text", "x"], stdin: [])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no provider has a connection for NOTIFICATION messages"))
        // The İYS recipient type a campaign is for: …0011's seed consent is BIREYSEL, so a TACIR campaign drops it.
        let merchants = try await cli.run(["send", "--config", config.path, "--type", "CAMPAIGN", "--recipient-type", "tacir", "--to", "905551230011", "--text", "Bayi"], stdin: [])
        #expect(merchants.stdout.contains("no İYS consent (not sent): 905551230011"), "\(merchants.stdout) \(merchants.stderr)")
        let unknown = try await cli.run(["send", "--config", config.path, "--type", "CAMPAIGN", "--recipient-type", "KURUM", "--to", "905551230011", "--text", "x"], stdin: [])
        #expect(unknown.status != 0 && unknown.stderr.contains("--recipient-type 'KURUM' is not BIREYSEL or TACIR"), "\(unknown.stderr)")
    }

    /// The README's flags are the binary's (`--errors-as-http-200`), and a port already taken is named with its mock.
    @Test func aPortInUseIsNamedWithItsMock() async throws {
        let served = try await serve()
        defer { served.process.terminate() }
        let port = try #require(served.nodeAPI.split(separator: ":").last.map(String.init))
        let second = try await ConvertCommandTests().run(
            ["serve", "--node-api-port", port, "--iys-port", "0", "--euromsg-port", "0", "--admin-port", "0", "--node-api-tls-port", "0", "--errors-as-http-200"], stdin: []
        )
        #expect(second.status == 1)
        #expect(second.stderr.contains("the Node API mock cannot listen on 127.0.0.1:\(port): the address is already in use (--node-api-port, or PROVIDER_MOCK_NODE_API_PORT)"), "\(second.stderr)")
    }

    /// By default an unknown field is ignored and reported; `serve --strict` refuses it.
    @Test(arguments: [false, true])
    func unknownFieldsAreReportedOrWithStrictRefused(_ strict: Bool) async throws {
        let served = try await serve(strict ? ["--strict"] : [])
        defer { served.process.terminate() }
        var request = URLRequest(url: try #require(URL(string: "\(served.nodeAPI)/user/credit")))
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"someClientFlag": 1}"#.utf8)
        request.setValue("Basic " + Data("admin:123456".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        if strict {
            #expect(http.statusCode == 400)
            #expect(String(decoding: data, as: UTF8.self).contains("someClientFlag: unknown field"))
        } else {
            #expect(http.statusCode == 200)
            #expect(http.value(forHTTPHeaderField: "X-Mock-Warning") == "unknown field 'someClientFlag' ignored")
        }
    }
}
