import Descriptions
import Foundation
import MockProviders
import MockSimulations
import ProviderClients
import Testing

/// The Postman collections in `postman/`, replayed against the mocks in process, newman-style: environment and
/// collection variables, `{{$timestamp}}`, Basic and bearer auth at collection or request level, form and raw
/// bodies, and the test scripts' forms that `provider-mock describe` writes (`PostmanScript`). Any 5xx fails, and so does an error
/// reply to a request whose script expects success.
@Suite struct PostmanReplayTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("postman")

    @Test func theNodeAPICollectionRunsAgainstTheMock() async throws {
        try await LiveMocks.nodeAPI(mockOnly: true) { endpoint in
            let failures = try await Self.replay("node-api.postman_collection.json", ["nodeApiUrl": endpoint.baseURL])
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    @Test func theMySoftIYSCollectionRunsAgainstTheMock() async throws {
        try await LiveMocks.iys(clock: SystemClock()) { baseURL in
            let failures = try await Self.replay("mysoft-iys.postman_collection.json", ["iysUrl": baseURL])
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    @Test func theEuromsgExpressCollectionRunsAgainstTheMock() async throws {
        try await LiveMocks.euromsg(clock: SystemClock()) { baseURL in
            let failures = try await Self.replay("euromsg-express.postman_collection.json", ["euromsgUrl": baseURL])
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    @Test func theReplayerFailsOnWhatItMustCatch() throws {
        var run = PostmanRun(variables: ["a": "1"])
        #expect(run.resolve("x{{a}}y{{missing}}") == "x1y{{missing}}")
        #expect(run.check(["pm.test('succeeds', () => pm.expect(pm.response.json().err).to.eql(null));"], status: 200, body: #"{"err": {"code": "ERR"}, "data": null}"#) != nil)
        #expect(run.check(["pm.test('succeeds', () => pm.expect(pm.response.json().err).to.eql(null));"], status: 200, body: #"{"err": null, "data": {"pkgID": 5}}"#) == nil)
        #expect(run.check(["pm.test('succeeds', () => pm.expect(pm.response.json().succeed).to.eql(true));"], status: 400, body: #"{"succeed": false}"#) != nil)
        #expect(run.check(["console.log(1);"], status: 200, body: "{}") != nil)
        // The contract's checks: the envelope, err.status as the HTTP status, a documented error.
        let envelope = "pm.test('the envelope is {data, err}', () => pm.expect(Object.keys(pm.response.json()).sort()).to.eql(['data', 'err']));"
        #expect(run.check([envelope], status: 200, body: #"{"data": {}, "err": null, "extra": 1}"#) != nil)
        #expect(run.check([envelope], status: 200, body: #"{"data": {}, "err": null}"#) == nil)
        let status = "pm.test('the HTTP status is err.status', () => pm.expect(pm.response.code).to.eql(pm.response.json().err ? pm.response.json().err.status : 200));"
        #expect(run.check([status], status: 200, body: #"{"data": null, "err": {"code": "ERR_INVALID_PARAM", "status": 400}}"#) != nil)
        #expect(run.check([status], status: 400, body: #"{"data": null, "err": {"code": "ERR_INVALID_PARAM", "status": 400}}"#) == nil)
        let documented = "pm.test('the error is ERR_SMS_PKG_NOT_FOUND (404)', () => pm.expect([pm.response.json().err.code, pm.response.json().err.status]).to.eql(['ERR_SMS_PKG_NOT_FOUND', 404]));"
        #expect(run.check([documented], status: 404, body: #"{"data": null, "err": {"code": "ERR_SMS_PKG_NOT_FOUND", "status": 404}}"#) == nil)
        #expect(run.check([documented], status: 400, body: #"{"data": null, "err": {"code": "ERR_INVALID_PARAM", "status": 400}}"#) != nil)
        let iysEnvelope = "pm.test('the envelope is {succeed, data, message, errorCode}', () => pm.expect(Object.keys(pm.response.json()).every(key => ['succeed', 'data', 'message', 'errorCode'].includes(key))).to.eql(true));"
        #expect(run.check([iysEnvelope], status: 200, body: #"{"succeed": true, "data": [], "traceId": 1}"#) != nil)
        #expect(run.check([iysEnvelope], status: 200, body: #"{"succeed": true, "data": [], "message": null, "errorCode": null}"#) == nil)
        #expect(run.check(["pm.collectionVariables.set('id', pm.response.json().data.pkgID);"], status: 200, body: #"{"data": {"pkgID": 42}}"#) == nil)
        #expect(run.variables["id"] == "42")
    }

    /// Runs every request of the collection in order; returns what failed.
    static func replay(_ file: String, _ overrides: [String: String]) async throws -> [String] {
        let collection = try JSONDecoder().decode(PostmanCollection.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
        let environment = try JSONDecoder().decode(PostmanEnvironment.self, from: Data(contentsOf: folder.appendingPathComponent("mocks.postman_environment.json")))
        var run = PostmanRun(variables: Dictionary(environment.values.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }).merging(overrides) { $1 })
        var failures: [String] = []
        let requests = collection.item.flatMap(\.leaves)
        #expect(!requests.isEmpty)
        for item in requests {
            guard let request = item.request else { continue }
            let reply = try await run.send(request, auth: request.auth ?? collection.auth)
            if reply.status >= 500 { failures.append("\(item.name): HTTP \(reply.status)") }
            let lines = item.event?.filter { $0.listen == "test" }.flatMap(\.script.exec) ?? []
            if let problem = run.check(lines, status: reply.status, body: String(decoding: reply.body, as: UTF8.self)) {
                failures.append("\(item.name): \(problem)")
            }
        }
        return failures
    }
}

/// The replayer's state: variables, and the HTTP under it.
struct PostmanRun {
    var variables: [String: String]
    let http = ProviderHTTP(timeout: .seconds(10))

    /// `{{name}}` from the variables; `{{$timestamp}}` the Unix time; unknown names left as they are.
    func resolve(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            result += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound])
            if name == "$timestamp" {
                result += String(Int(Date().timeIntervalSince1970 * 1000))
            } else {
                result += variables[name] ?? "{{\(name)}}"
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    func send(_ request: PostmanCollection.Request, auth: PostmanCollection.Auth?) async throws -> ProviderHTTP.Reply {
        var headers = request.header.map { ($0.key, resolve($0.value)) }
        switch auth?.type {
        case "basic":
            let user = resolve(auth?.basic?.first { $0.key == "username" }?.value ?? "")
            let password = resolve(auth?.basic?.first { $0.key == "password" }?.value ?? "")
            headers.append(("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()))
        case "bearer":
            headers.append(("Authorization", "Bearer " + resolve(auth?.bearer?.first { $0.key == "token" }?.value ?? "")))
        default: break
        }
        var body: [UInt8]?
        if let raw = request.body?.raw { body = Array(resolve(raw).utf8) }
        if let form = request.body?.urlencoded {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let text = form.map { "\($0.key)=\(resolve($0.value).addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
            body = Array(text.utf8)
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
        }
        return try await http.send(.init(rawValue: request.method), resolve(request.url.raw), headers: headers, body: body)
    }

    /// Applies the test script's lines; the first failed expectation, or a line the replayer does not know.
    mutating func check(_ lines: [String], status: Int, body: String) -> String? {
        let json = try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed])
        for line in lines {
            switch line {
            case PostmanScript.noServerError:
                if status >= 500 { return "HTTP \(status)" }
            case PostmanScript.httpSuccess:
                if !(200..<300).contains(status) { return "HTTP \(status): \(body.prefix(300))" }
            case PostmanScript.nodeAPISuccess:
                guard let object = json as? [String: Any], object["err"] is NSNull || object["err"] == nil, object["data"] != nil else {
                    return "err is not null: \(body.prefix(300))"
                }
            case PostmanScript.iysSuccess:
                guard let object = json as? [String: Any], object["succeed"] as? Bool == true else { return "succeed is not true: \(body.prefix(300))" }
            case PostmanScript.soapSuccess:
                if !(body.contains("<err/>") || body.contains("<err></err>")) || body.contains("Fault>") { return "SOAP error: \(body.prefix(300))" }
            case PostmanScript.nodeAPIEnvelope:
                guard let object = json as? [String: Any], object.keys.sorted() == ["data", "err"] else { return "the envelope is not {data, err}: \(body.prefix(300))" }
            case PostmanScript.statusIsErrStatus:
                let error = (json as? [String: Any])?["err"] as? [String: Any]
                let wanted = error.map { $0["status"] as? Int ?? -1 } ?? 200
                if status != wanted { return "HTTP \(status) where err.status says \(wanted)" }
            case PostmanScript.iysEnvelope:
                guard let object = json as? [String: Any], Set(object.keys).isSubset(of: ["succeed", "data", "message", "errorCode"]) else {
                    return "the envelope has keys the document does not: \(body.prefix(300))"
                }
            default:
                if let (code, wanted) = Self.documentedError(line) {
                    let error = (json as? [String: Any])?["err"] as? [String: Any]
                    if error?["code"] as? String != code || error?["status"] as? Int != wanted { return "not \(code) (\(wanted)): \(body.prefix(300))" }
                    continue
                }
                guard let (name, path) = Self.variableSetter(line) else { return "the replayer does not understand: \(line)" }
                guard let value = path.reduce(json as Any?, { ($0 as? [String: Any])?[$1] }) else { return "\(path.joined(separator: ".")) is missing: \(body.prefix(300))" }
                variables[name] = (value as? String) ?? "\(value)"
            }
        }
        return nil
    }

    /// `pm.test('the error is CODE (400)', …to.eql(['CODE', 400]));` → (CODE, 400).
    static func documentedError(_ line: String) -> (String, Int)? {
        let prefix = "pm.test('the error is ", middle = "', () => pm.expect([pm.response.json().err.code, pm.response.json().err.status]).to.eql(['"
        guard line.hasPrefix(prefix), let split = line.range(of: middle) else { return nil }
        let tail = line[split.upperBound...].split(separator: "'")
        guard tail.count >= 2, let status = Int(tail[1].trimmingCharacters(in: CharacterSet(charactersIn: ", ]);"))) else { return nil }
        return (String(tail[0]), status)
    }

    /// `pm.collectionVariables.set('name', pm.response.json().a.b);` → (name, [a, b]).
    static func variableSetter(_ line: String) -> (String, [String])? {
        let prefix = "pm.collectionVariables.set('", middle = "', pm.response.json().", suffix = ");"
        guard line.hasPrefix(prefix), line.hasSuffix(suffix), let split = line.range(of: middle) else { return nil }
        let name = String(line[line.index(line.startIndex, offsetBy: prefix.count)..<split.lowerBound])
        let path = line[split.upperBound..<line.index(line.endIndex, offsetBy: -suffix.count)].split(separator: ".").map(String.init)
        return (name, path)
    }
}
