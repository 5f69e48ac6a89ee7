import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Issue 26: one running `serve`, many isolated worlds, reached by the path prefix `/worlds/ID` or the header
/// `X-Mock-World`, each with its own state, clock, inbox, faults and admin token; the default world as before.
@Suite struct WorldsTests {
    let cli = ServeCommandTests()
    static let basic = ["Authorization": "Basic " + Data("admin:123456".utf8).base64EncodedString(), "Content-Type": "application/json"]

    struct World {
        var id: String
        var token: String
        var nodeAPI: String
        var admin: String
        /// The world's own Node API login (`admin.ID`), which lands in it at the plain base URL.
        var login: String
        var bearer: [String: String] { ["Authorization": "Bearer \(token)", "Content-Type": "application/json"] }
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    func create(_ served: ServeCommandTests.Served, _ body: String = #"{"clock": "manual"}"#) async throws -> World {
        let (status, reply) = try await cli.call("\(served.admin)/__admin/worlds", body: body, headers: ["Content-Type": "application/json"])
        #expect(status == 201, "\(reply)")
        let world = try json(reply)
        let urls = try #require(world["urls"] as? [String: Any])
        let logins = try #require((world["credentials"] as? [String: Any])?["nodeAPIWorldLogins"] as? [[String: String]])
        let login = try #require(logins.first)
        return World(
            id: try #require(world["id"] as? String), token: try #require(world["token"] as? String),
            nodeAPI: try #require(urls["nodeAPI"] as? String), admin: try #require(urls["admin"] as? String),
            login: "Basic " + Data("\(login["username"] ?? ""):\(login["password"] ?? "")".utf8).base64EncodedString()
        )
    }

    func packages(_ base: String, headers: [String: String] = [:]) async throws -> Int {
        let (_, reply) = try await cli.call("\(base)/sms/list", body: "{}", headers: Self.basic.merging(headers) { $1 })
        return try #require(((try json(reply))["data"] as? [String: Any]).flatMap { $0["stats"] as? [String: Any] }?["totalRecord"] as? Int, "\(reply)")
    }

    @Test func twoWorldsAndTheDefaultOneSeeNothingOfEachOther() async throws {
        let served = try await cli.serve(["--clock", "manual"])
        defer { served.process.terminate() }
        let a = try await create(served), b = try await create(served)
        #expect(a.id != b.id && a.token != b.token)
        #expect(a.nodeAPI == "\(served.nodeAPI)/worlds/\(a.id)")
        let sms = #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "Kodunuz 4821"}"#
        // A sends through its path prefix, B through the header, to the same number.
        #expect(try await cli.call("\(a.nodeAPI)/sms/create", body: sms, headers: Self.basic).0 == 200)
        #expect(try await cli.call("\(served.nodeAPI)/sms/create", body: sms.replacingOccurrences(of: "4821", with: "7777"), headers: Self.basic.merging(["X-Mock-World": b.id]) { $1 }).0 == 200)
        #expect(try await packages(a.nodeAPI) == 1)
        #expect(try await packages(served.nodeAPI, headers: ["X-Mock-World": b.id]) == 1)
        #expect(try await packages(served.nodeAPI) == 0)
        // Each world's inbox has its own OTP for the shared test number.
        func codes(_ admin: String, _ headers: [String: String]) async throws -> [String] {
            let (_, inbox) = try await cli.call("\(admin)/sms?to=905551230011", method: "GET", body: "", headers: headers)
            return try #require((try json(inbox))["messages"] as? [[String: Any]], "\(inbox)").compactMap { $0["otp"] as? String }
        }
        #expect(try await codes(a.admin, a.bearer) == ["4821"])
        #expect(try await codes(b.admin, b.bearer) == ["7777"])
        #expect(try await codes("\(served.admin)/__admin", [:]).isEmpty)
        // A's clock moves; B's and the default world's do not.
        let before = try await cli.call("\(b.admin)/clock", method: "GET", body: "", headers: b.bearer).1
        #expect(try await cli.call("\(a.admin)/clock/advance", body: #"{"seconds": 3600}"#, headers: a.bearer).0 == 200)
        #expect(try await cli.call("\(b.admin)/clock", method: "GET", body: "", headers: b.bearer).1 == before)
        // A fault in A fails A's next send only.
        #expect(try await cli.call("\(a.admin)/faults", body: #"{"provider": "node-api", "path": "/sms/create", "error": "SMS18"}"#, headers: a.bearer).0 == 201)
        #expect(try await cli.call("\(served.nodeAPI)/sms/create", body: sms.replacingOccurrences(of: "7777", with: "1111"), headers: Self.basic.merging(["X-Mock-World": b.id]) { $1 }).0 == 200)
        #expect(try await cli.call("\(a.nodeAPI)/sms/create", body: sms.replacingOccurrences(of: "4821", with: "2222"), headers: Self.basic).0 == 417)
        // A reset of A empties A alone.
        #expect(try await cli.call("\(a.admin)/reset", body: "", headers: a.bearer).0 == 200)
        #expect(try await packages(a.nodeAPI) == 0)
        #expect(try await packages(served.nodeAPI, headers: ["X-Mock-World": b.id]) == 2)
        // A consent given in A's İYS is not in B's.
        let token = { (world: String) async throws -> String in
            let (_, reply) = try await cli.call("\(served.iys)/worlds/\(world)/oauth/token", body: "username=admin&password=123456&grant_type=password", headers: ["Content-Type": "application/x-www-form-urlencoded"])
            return try #require((try json(reply))["access_token"] as? String)
        }
        let consent = #"{"brandCode": "5565656556", "consentData": {"recipient": "+905551230077", "type": "MESAJ", "source": "HS_WEB", "status": "ONAY", "consentDate": "2025-03-01 10:00:00"}}"#
        let status = #"{"brandCode": "5565656556", "recipient": "+905551230077", "type": "MESAJ"}"#
        let bearerA = ["Authorization": "bearer \(try await token(a.id))", "Content-Type": "application/json"]
        #expect(try await cli.call("\(served.iys)/worlds/\(a.id)/api/IYSConsent/SendConsent", body: consent, headers: bearerA).0 == 200)
        #expect(try await cli.call("\(served.iys)/worlds/\(a.id)/api/IYSConsent/ConsentStatus", body: status, headers: bearerA).0 == 200)
        let bearerB = ["Authorization": "bearer \(try await token(b.id))", "Content-Type": "application/json"]
        #expect(try await cli.call("\(served.iys)/api/IYSConsent/ConsentStatus", body: status, headers: bearerB.merging(["X-Mock-World": b.id]) { $1 }).0 == 404)
        // A token of A's İYS is not one of B's.
        #expect(try await cli.call("\(served.iys)/worlds/\(b.id)/api/IYSConsent/ConsentStatus", body: status, headers: bearerA).0 == 401)
        // A world's delivery reports never go to the mock's own ports, as the default world's do not.
        let looped = #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "Döngü", "pushSettings": {"url": "\#(served.nodeAPI)/mock/echo"}}"#
        #expect(try await cli.call("\(b.nodeAPI)/sms/create", body: looped, headers: Self.basic).0 == 200)
        #expect(try await cli.call("\(b.admin)/clock/advance", body: #"{"seconds": 60}"#, headers: b.bearer).0 == 200)
        let (_, callbacks) = try await cli.call("\(b.admin)/callbacks", method: "GET", body: "", headers: b.bearer)
        #expect(callbacks.contains("this mock's own listener"), "\(callbacks)")
        // Euromsg Express answers in each world.
        #expect(try await cli.call("\(served.euromsg)/worlds/\(b.id)/health-check", method: "GET", body: "", headers: [:]).0 == 200)
    }

    @Test func aWorldsAdminRoutesTakeItsTokenAndNoOtherAndUnknownWorldsAreNotFoundInEachShape() async throws {
        let served = try await cli.serve(["--clock", "manual"])
        defer { served.process.terminate() }
        let a = try await create(served), b = try await create(served)
        #expect(try await cli.call("\(a.admin)/clock", method: "GET", body: "", headers: [:]).0 == 401)
        #expect(try await cli.call("\(a.admin)/clock", method: "GET", body: "", headers: b.bearer).0 == 401)
        #expect(try await cli.call("\(a.admin)/clock", method: "GET", body: "", headers: a.bearer).0 == 200)
        // Unknown (or counted) ids: 404 in the shape of the port they came to.
        let missing = a.id.dropLast() + (a.id.last == "A" ? "B" : "A")
        let (nodeStatus, node) = try await cli.call("\(served.nodeAPI)/worlds/\(missing)/user/credit", body: "", headers: Self.basic)
        #expect(nodeStatus == 404 && node.contains("ERR_NOT_FOUND") && node.contains("there is no world"), "\(node)")
        let (headerStatus, _) = try await cli.call("\(served.nodeAPI)/user/credit", body: "", headers: Self.basic.merging(["X-Mock-World": "yok"]) { $1 })
        #expect(headerStatus == 404)
        let (iysStatus, iys) = try await cli.call("\(served.iys)/worlds/\(missing)/oauth/token", body: "username=admin&password=123456&grant_type=password", headers: ["Content-Type": "application/x-www-form-urlencoded"])
        #expect(iysStatus == 404 && iys.contains("HM404"), "\(iys)")
        let (euromsgStatus, euromsg) = try await cli.call("\(served.euromsg)/worlds/\(missing)/health-check", method: "GET", body: "", headers: [:])
        #expect(euromsgStatus == 404 && euromsg.contains("there is no world"), "\(euromsg)")
        #expect(try await cli.call("\(served.admin)/__admin/worlds/\(missing)/clock", method: "GET", body: "", headers: a.bearer).0 == 404)
        // The WSDL served under a world's prefix points its soap:address there.
        let (_, wsdl) = try await cli.call("\(a.nodeAPI)/soap?wsdl", method: "GET", body: "", headers: [:])
        #expect(wsdl.contains(#"<soap:address location="\#(a.nodeAPI)/soap"/>"#), "\(wsdl.suffix(300))")
        let envelope = #"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Body><sms:getUserCredit><username>admin</username><password>123456</password></sms:getUserCredit></soapenv:Body></soapenv:Envelope>"#
        let (soapStatus, soap) = try await cli.call("\(a.nodeAPI)/soap", body: envelope, headers: ["Content-Type": "text/xml; charset=utf-8", "SOAPAction": "getUserCredit"])
        #expect(soapStatus == 200 && soap.contains("<credit>100000</credit>"), "\(soap)")
        // Listed, shown without its token, deleted; then gone.
        let (_, list) = try await cli.call("\(served.admin)/__admin/worlds", method: "GET", body: "", headers: [:])
        #expect(list.contains(a.id) && list.contains(b.id) && !list.contains(a.token), "\(list)")
        #expect(try await cli.call("\(served.admin)/__admin/worlds/\(a.id)", method: "DELETE", body: "", headers: [:]).0 == 200)
        #expect(try await cli.call("\(a.nodeAPI)/user/credit", body: "", headers: Self.basic).0 == 404)
        #expect(try await cli.call("\(served.admin)/__admin/worlds/\(a.id)", method: "DELETE", body: "", headers: [:]).0 == 404)
    }

    @Test func aBadWorldRequestIsAClearErrorAndTheCapHolds() async throws {
        let served = try await cli.serve(["--clock", "manual", "--max-worlds", "1"])
        defer { served.process.terminate() }
        let headers = ["Content-Type": "application/json"]
        let (typo, typoReply) = try await cli.call("\(served.admin)/__admin/worlds", body: #"{"ttl": 60}"#, headers: headers)
        #expect(typo == 400 && typoReply.contains(#""field":"ttl""#), "\(typoReply)")
        let (clock, clockReply) = try await cli.call("\(served.admin)/__admin/worlds", body: #"{"clock": "lunar"}"#, headers: headers)
        #expect(clock == 400 && clockReply.contains("manual or system"), "\(clockReply)")
        let (scenario, scenarioReply) = try await cli.call("\(served.admin)/__admin/worlds", body: #"{"scenario": "nodeAPI:\n  acounts: []\n"}"#, headers: headers)
        #expect(scenario == 400 && scenarioReply.contains("scenario:2") && scenarioReply.contains("acounts"), "\(scenarioReply)")
        #expect(try await cli.call("\(served.admin)/__admin/worlds", body: #"{"ttlSeconds": 0}"#, headers: headers).0 == 400)
        for seed in ["-1", "\"7\"", "1.5", "18446744073709551616"] {
            let (status, reply) = try await cli.call("\(served.admin)/__admin/worlds", body: #"{"seed": \#(seed)}"#, headers: headers)
            #expect(status == 400 && reply.contains(#""field":"seed""#) && reply.contains("18446744073709551615"), "\(seed): \(reply)")
        }
        _ = try await create(served)
        let (full, fullReply) = try await cli.call("\(served.admin)/__admin/worlds", body: "{}", headers: headers)
        #expect(full == 429 && fullReply.contains("--max-worlds"), "\(fullReply)")
    }

    /// A world's own login lands in it at the plain base URL, with no prefix or header; a wrong password of it is the
    /// provider's 401, and another world's login lands in that other world.
    @Test func aWorldsOwnLoginLandsInItAtThePlainBaseURL() async throws {
        let served = try await cli.serve(["--clock", "manual"])
        defer { served.process.terminate() }
        let a = try await create(served), b = try await create(served)
        let sms = #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "Kendi girişim"}"#
        #expect(try await cli.call("\(served.nodeAPI)/sms/create", body: sms, headers: ["Authorization": a.login, "Content-Type": "application/json"]).0 == 200)
        #expect(try await packages(a.nodeAPI) == 1)
        #expect(try await packages(b.nodeAPI) == 0)
        #expect(try await packages(served.nodeAPI) == 0)
        let (_, viaB) = try await cli.call("\(served.nodeAPI)/sms/list", body: "{}", headers: ["Authorization": b.login, "Content-Type": "application/json"])
        #expect(viaB.contains(#""totalRecord":0"#), "\(viaB)")
        let (_, viaGET) = try await cli.call("\(served.nodeAPI)/user/credit", method: "GET", body: "", headers: ["Authorization": a.login])
        #expect(viaGET.contains(#""credit":99999"#), "\(viaGET)")
        let wrong = "Basic " + Data("admin.\(a.id):yanlis".utf8).base64EncodedString()
        let (status, reply) = try await cli.call("\(served.nodeAPI)/user/credit", body: "{}", headers: ["Authorization": wrong])
        #expect(status == 401 && reply.contains("ERR_UNAUTHORIZED_REQUEST"), "\(reply)")
    }

    /// The world's own logins on every provider: a SOAP envelope that carries a Node API one, an İYS or Euromsg token
    /// request with one, and the bearer token issued to it (which starts with the world's id) land in the world at the
    /// plain base URL; the same login at another world's prefix is refused in the provider's shape.
    @Test func aWorldsOwnLoginsLandInItOnSOAPIYSAndEuromsg() async throws {
        let served = try await cli.serve(["--clock", "manual"])
        defer { served.process.terminate() }
        let (_, created) = try await cli.call("\(served.admin)/__admin/worlds", body: #"{"clock": "manual"}"#, headers: ["Content-Type": "application/json"])
        let credentials = try #require((try json(created))["credentials"] as? [String: Any])
        func login(_ key: String) throws -> (String, String) {
            let first = try #require((credentials[key] as? [[String: String]])?.first, "\(key)")
            return (first["username"] ?? "", first["password"] ?? "")
        }
        let id = try #require((try json(created))["id"] as? String)
        let other = try await create(served)
        // SOAP: the envelope's login, at the plain /soap.
        let (user, password) = try login("nodeAPIWorldLogins")
        #expect(user == "admin.\(id)")
        let envelope = #"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Body><sms:sendSms><username>\#(user)</username><password>\#(password)</password><type>1</type><sendingType>1</sendingType><sender>BASLIK</sender><title>T</title><content>Zarf</content><numbers><item>905551230011</item></numbers><encoding>0</encoding></sms:sendSms></soapenv:Body></soapenv:Envelope>"#
        let soap = ["Content-Type": "text/xml; charset=utf-8", "SOAPAction": "sendSms"]
        let (sent, sentReply) = try await cli.call("\(served.nodeAPI)/soap", body: envelope, headers: soap)
        #expect(sent == 200 && sentReply.contains("<pkgID>"), "\(sentReply)")
        #expect(try await packages("\(served.nodeAPI)/worlds/\(id)") == 1)
        #expect(try await packages(served.nodeAPI) == 0)
        let (refused, refusedReply) = try await cli.call("\(other.nodeAPI)/soap", body: envelope, headers: soap)
        #expect(refusedReply.contains("ERR_UNAUTHORIZED_REQUEST"), "\(refused) \(refusedReply)")
        // İYS: the token request with the world's login, then its token, at the plain base URL.
        let (iysUser, iysPassword) = try login("iysWorldLogins")
        let form = ["Content-Type": "application/x-www-form-urlencoded"]
        let (_, tokenReply) = try await cli.call("\(served.iys)/oauth/token", body: "username=\(iysUser)&password=\(iysPassword)&grant_type=password", headers: form)
        let token = try #require((try json(tokenReply))["access_token"] as? String, "\(tokenReply)")
        #expect(token.hasPrefix("\(id)."))
        let bearer = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
        let consent = #"{"brandCode": "5565656556", "consentData": {"recipient": "+905551230077", "type": "MESAJ", "source": "HS_WEB", "status": "ONAY", "consentDate": "2026-03-01 10:00:00"}}"#
        #expect(try await cli.call("\(served.iys)/api/IYSConsent/SendConsent", body: consent, headers: bearer).0 == 200)
        let status = #"{"brandCode": "5565656556", "recipient": "+905551230077", "type": "MESAJ"}"#
        #expect(try await cli.call("\(served.iys)/worlds/\(id)/api/IYSConsent/ConsentStatus", body: status, headers: bearer).0 == 200)
        let (iysRefused, iysRefusedReply) = try await cli.call("\(served.iys)/worlds/\(other.id)/oauth/token", body: "username=\(iysUser)&password=\(iysPassword)&grant_type=password", headers: form)
        #expect(iysRefused == 400 && iysRefusedReply.contains("invalid_grant"), "\(iysRefusedReply)")
        #expect(try await cli.call("\(served.iys)/worlds/\(other.id)/api/IYSConsent/ConsentStatus", body: status, headers: bearer).0 == 401)
        // Euromsg Express: the integrator's login, then its token.
        let (client, clientPassword) = try login("euromsgWorldLogins")
        let (_, expressReply) = try await cli.call("\(served.euromsg)/tokens", body: #"{"clientName": "\#(client)", "password": "\#(clientPassword)"}"#, headers: ["Content-Type": "application/json"])
        let expressToken = try #require(((try json(expressReply))["data"] as? [String: Any])?["tokenValue"] as? String ?? (try json(expressReply))["tokenValue"] as? String, "\(expressReply)")
        #expect(expressToken.hasPrefix("\(id)."))
        let list = #"{"name": "Dünya listesi"}"#
        // The end user's API key minted for the world stands for the scenario's end user; another world's is unknown.
        let apiKeys = try #require(credentials["euromsgWorldAPIKeys"] as? [String])
        #expect(apiKeys.first == "EXP-DEMO-7F3A9C21.\(id)")
        let express = ["Authorization": "Bearer \(expressToken)", "Content-Type": "application/json", "apiKey": apiKeys.first ?? ""]
        let (listed, listReply) = try await cli.call("\(served.euromsg)/email-list", body: list, headers: express)
        #expect(listed == 201, "\(listReply)")
        let (_, lists) = try await cli.call("\(served.euromsg)/worlds/\(id)/email-list", method: "GET", body: "", headers: express)
        #expect(lists.contains("Dünya listesi"), "\(lists)")
        let identify = #"{"apiKey": "\#(apiKeys.first ?? "")"}"#
        let (identified, identifiedReply) = try await cli.call("\(served.euromsg)/apiKey/identification", method: "PUT", body: identify, headers: express)
        #expect(identified == 200 && identifiedReply.contains("EXP-DEMO-7F3A9C21.\(id)"), "\(identifiedReply)")
        var otherKey = express
        otherKey["apiKey"] = "EXP-DEMO-7F3A9C21.\(other.id)"
        let (foreign, foreignReply) = try await cli.call("\(served.euromsg)/email-list", method: "GET", body: "", headers: otherKey)
        #expect(foreign != 200 && foreignReply.contains("UNKNOWN_API_KEY"), "\(foreign) \(foreignReply)")
        #expect(try await cli.call("\(served.euromsg)/worlds/\(other.id)/email-list", method: "GET", body: "", headers: express).0 == 401)
    }

    /// `serve --state` keeps every world: after a restart each comes back with its id, token, logins, clock, own
    /// scenario and state; a state file with a bad world is refused at start, naming the field.
    @Test func worldsOutliveARestartWithTheirStateFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("worlds-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let first = try await cli.serve(["--clock", "manual", "--state", file.path])
        let a = try await create(first, #"{"clock": "manual", "now": "2026-03-02T10:00:00+03:00", "seed": 9, "name": "iş akışı"}"#)
        let yaml = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/MockSimulations/Resources/default.yaml"), encoding: .utf8)
        let own = yaml.replacingOccurrences(of: "credit: 100000", with: "credit: 777")
        let body = try JSONSerialization.data(withJSONObject: ["clock": "manual", "scenario": own])
        let b = try await create(first, String(decoding: body, as: UTF8.self))
        let sms = #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "Yeniden başlat"}"#
        #expect(try await cli.call("\(first.nodeAPI)/sms/create", body: sms, headers: ["Authorization": a.login, "Content-Type": "application/json"]).0 == 200)
        #expect(try await cli.call("\(a.admin)/clock/advance", body: #"{"seconds": 60}"#, headers: a.bearer).0 == 200)
        let clockBefore = try await cli.call("\(a.admin)/clock", method: "GET", body: "", headers: a.bearer).1
        first.process.terminate()
        await OffPool.exit(of: first.process)

        let second = try await cli.serve(["--clock", "manual", "--state", file.path])
        func rebased(_ url: String, _ old: String, _ new: String) -> String { url.replacingOccurrences(of: old, with: new) }
        let aAdmin = rebased(a.admin, first.admin, second.admin), bAdmin = rebased(b.admin, first.admin, second.admin)
        #expect(try await cli.call("\(aAdmin)/clock", method: "GET", body: "", headers: a.bearer).1 == clockBefore)
        let (_, listed) = try await cli.call("\(second.nodeAPI)/sms/list", body: "{}", headers: ["Authorization": a.login, "Content-Type": "application/json"])
        #expect(listed.contains("Yeniden başlat"), "\(listed)")
        let (_, credit) = try await cli.call("\(second.nodeAPI)/worlds/\(b.id)/user/credit", body: "", headers: Self.basic)
        #expect(credit.contains(#""credit":777"#), "\(credit)")
        #expect(try await cli.call("\(bAdmin)/clock", method: "GET", body: "", headers: b.bearer).0 == 200)
        let (_, shown) = try await cli.call("\(second.admin)/__admin/worlds/\(a.id)", method: "GET", body: "", headers: [:])
        #expect(shown.contains(#""seed":9"#) && shown.contains("iş akışı"), "\(shown)")
        #expect(try await packages(second.nodeAPI) == 0)
        second.process.terminate()
        await OffPool.exit(of: second.process)

        var state = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var worlds = try #require(state["worlds"] as? [[String: Any]])
        #expect(worlds.count == 2)
        worlds[1]["id"] = "../etc"
        state["worlds"] = worlds
        try JSONSerialization.data(withJSONObject: state).write(to: file)
        let (bad, badLog) = try await cli.run(["serve", "--node-api-port", "0", "--iys-port", "0", "--euromsg-port", "0", "--admin-port", "0", "--node-api-tls-port", "0", "--state", file.path])
        #expect(bad == 1 && badLog.contains("worlds[1].id"), "\(badLog)")
    }

    /// Determinism: two worlds created with the same seed and start time, fed the same requests, answer the same bytes
    /// on every port: Node API JSON and SOAP (package and group uuids), İYS (bearer token, batch GUID, transaction ids) and
    /// Euromsg Express (bearer token); a world of another seed does not.
    @Test func twoWorldsOfOneSeedAnswerTheSameBytes() async throws {
        let served = try await cli.serve(["--clock", "manual"])
        defer { served.process.terminate() }
        let world = #"{"clock": "manual", "now": "2026-03-02T10:00:00+03:00", "seed": 2026}"#
        let a = try await create(served, world), b = try await create(served, world)
        let other = try await create(served, world.replacingOccurrences(of: "2026}", with: "7}"))
        let (_, shown) = try await cli.call("\(served.admin)/__admin/worlds/\(a.id)", method: "GET", body: "", headers: [:])
        #expect(shown.contains(#""seed":2026"#), "\(shown)")
        func replies(_ world: World) async throws -> [String] {
            let inWorld = ["X-Mock-World": world.id]
            let json = Self.basic.merging(inWorld) { $1 }
            let soap = ["Content-Type": "text/xml; charset=utf-8", "SOAPAction": "sendSms"].merging(inWorld) { $1 }
            let form = ["Content-Type": "application/x-www-form-urlencoded"].merging(inWorld) { $1 }
            var replies: [String] = []
            func call(_ url: String, _ body: String, _ headers: [String: String], method: String = "POST") async throws -> String {
                let (status, reply) = try await cli.call(url, method: method, body: body, headers: headers)
                replies.append("\(status) \(reply)")
                return reply
            }
            _ = try await call("\(served.nodeAPI)/sms/create", #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "Tohum"}"#, json)
            _ = try await call("\(served.nodeAPI)/contact/create-group", #"{"title": "Müşteriler"}"#, json)
            _ = try await call(
                "\(served.nodeAPI)/soap",
                #"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Body><sms:sendSms><username>admin</username><password>123456</password><type>1</type><sendingType>1</sendingType><sender>BASLIK</sender><title>T</title><content>Tohum</content><numbers><item>905551230022</item></numbers><encoding>0</encoding></sms:sendSms></soapenv:Body></soapenv:Envelope>"#,
                soap
            )
            let token = try #require((try self.json(try await call("\(served.iys)/oauth/token", "username=admin&password=123456&grant_type=password", form)))["access_token"] as? String)
            let bearer = ["Authorization": "bearer \(token)", "Content-Type": "application/json"].merging(inWorld) { $1 }
            let consent = #"{"recipient": "+905551230077", "type": "MESAJ", "source": "HS_WEB", "status": "ONAY", "consentDate": "2026-03-01 10:00:00"}"#
            _ = try await call("\(served.iys)/api/IYSConsent/SendConsentBatch", #"{"brandCode": "5565656556", "consentData": [\#(consent)]}"#, bearer)
            _ = try await call("\(served.iys)/api/IYSConsent/ConsentStatus", #"{"brandCode": "5565656556", "recipient": "+905551230077", "type": "MESAJ"}"#, bearer)
            _ = try await call("\(served.euromsg)/tokens", #"{"clientName": "admin", "password": "123456"}"#, ["Content-Type": "application/json"].merging(inWorld) { $1 })
            _ = try await call("\(world.admin)/clock/advance", #"{"seconds": 60}"#, world.bearer)
            _ = try await call("\(served.nodeAPI)/sms/list", "{}", json)
            return replies
        }
        let first = try await replies(a), second = try await replies(b), third = try await replies(other)
        #expect(first.count == 9 && first.allSatisfy { $0.hasPrefix("200 ") || $0.hasPrefix("201 ") }, "\(first)")
        #expect(first[2].contains("<pkgID>") && !first.joined().contains("ERR_"), "\(first)")
        for (index, (one, two)) in zip(first, second).enumerated() { #expect(one == two, "reply \(index)") }
        // Another seed: another İYS token, batch GUID and Euromsg token (the Node API's ids come from the clock).
        #expect(first[3] != third[3] && first[4] != third[4] && first[6] != third[6])
    }

    /// Parallel CI for real: 8 workers against one `serve`, each in its own world (a quarter by the world's own login at
    /// the plain base URL, a quarter by the path prefix, the rest by the header, these with the scenario's fixed
    /// `admin`/`123456`), 20 rounds each of: an OTP to the one shared test number, the world's manual clock advanced,
    /// its own code read from its inbox, a reset.
    @Test func eightWorkersShareOneMockEachInItsWorld() async throws {
        let served = try await cli.serve(["--clock", "manual"])
        defer { served.process.terminate() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let world = try await create(served)
                    let (base, headers) = switch worker % 4 {
                    case 0: (served.nodeAPI, ["Authorization": world.login, "Content-Type": "application/json"])
                    case 1: (world.nodeAPI, Self.basic)
                    default: (served.nodeAPI, Self.basic.merging(["X-Mock-World": world.id]) { $1 })
                    }
                    for round in 0..<20 {
                        let code = String(format: "%02d%02d", worker, round)
                        let otp = #"{"number": "905551230011", "sender": "BASLIK", "content": "Kodunuz \#(code)"}"#
                        let (status, reply) = try await cli.call("\(base)/sms/create-otp", body: otp, headers: headers)
                        #expect(status == 200, "worker \(worker) round \(round): \(reply)")
                        #expect(try await cli.call("\(world.admin)/clock/advance", body: #"{"seconds": 10}"#, headers: world.bearer).0 == 200)
                        let (_, inbox) = try await cli.call("\(world.admin)/sms?to=905551230011", method: "GET", body: "", headers: world.bearer)
                        let messages = try #require((try json(inbox))["messages"] as? [[String: Any]], "\(inbox)")
                        #expect(messages.map { $0["otp"] as? String } == [code], "worker \(worker) round \(round): \(inbox)")
                        #expect(try await cli.call("\(world.admin)/reset", body: "", headers: world.bearer).0 == 200)
                    }
                    #expect(try await cli.call("\(served.admin)/__admin/worlds/\(world.id)", method: "DELETE", body: "", headers: [:]).0 == 200)
                }
            }
            try await group.waitForAll()
        }
        #expect(try await packages(served.nodeAPI) == 0)
    }
}
