import Foundation
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP
import ProviderClients
import WireCoding

/// The Node API's contract against any endpoint (`provider-mock check --node-api URL`): each check sends one typed
/// request through a face and reads the reply with the document's rules, reporting what differs:
/// - the envelope (`{data, err}`, or SOAP's `result` with `err` and `data`), and that the reply decodes into the model
///   (types, enum values, required fields);
/// - fields the model does not know: what the reply carries that the model would not write;
/// - for a documented bad input, the documented error: its code, `err.status`, and the HTTP status that goes with it
///   (the same as `err.status`, or 200 for an endpoint that answers errors as 200).
///
/// Only reads run unless `allowWrites`: sends cost money on a real account. Writes go to `testNumber` alone.
public struct NodeAPIContract: Sendable {
    public typealias Face = WireFormat

    public var baseURL: String
    public var username: String
    public var password: String
    public var faces: [Face]
    /// The endpoint answers errors with HTTP 200 (some resellers do): `err.status` is then not the HTTP status.
    public var errorsAsHTTP200: Bool
    public var allowWrites: Bool
    public var testNumber: String?
    /// The approved sender title the writes send from.
    public var sender: String?
    let http: ProviderHTTP

    public init(
        baseURL: String, username: String, password: String, faces: [Face] = [.json], errorsAsHTTP200: Bool = false, allowWrites: Bool = false,
        testNumber: String? = nil, sender: String? = nil, timeout: Duration = .seconds(30)
    ) {
        self.sender = sender
        self.baseURL = ProviderHTTP.baseURL(baseURL)
        self.username = username
        self.password = password
        self.faces = faces
        self.errorsAsHTTP200 = errorsAsHTTP200
        self.allowWrites = allowWrites
        self.testNumber = testNumber
        http = ProviderHTTP(timeout: timeout)
    }

    /// Runs every check on every face asked for, one after another.
    public func run() async -> ConformanceReport {
        var results: [ConformanceReport.Result] = []
        for face in faces {
            for contractCase in NodeAPIContractCase.all {
                let password = contractCase.wrongPassword ? password + NodeAPIContractCase.wrongPasswordSuffix : nil
                results.append(await check(contractCase.request, contractCase.name, face, expecting: contractCase.expecting, password: password))
            }
            results.append(await writes(face))
        }
        return ConformanceReport(results: results)
    }

    /// A package to `testNumber`, only with `allowWrites`: it costs credit on a real account.
    private func writes(_ face: Face) async -> ConformanceReport.Result {
        guard allowWrites, let number = testNumber, let sender else {
            return Self.result(CreateSmsRequest.operation, face, "sends an SMS to the test number", .skipped, [
                allowWrites ? "needs --test-number and --sender" : "a write: runs with --allow-writes, --test-number and --sender",
            ], 0)
        }
        // A text per face and run: the same content to the same number again soon may be refused as a duplicate.
        let content = "provider-mock check (\(face.rawValue)) \(Int(Date().timeIntervalSince1970))"
        let request = CreateSmsRequest(recipients: .single(GSMNumber(number)), sender: sender, title: "provider-mock check", content: content)
        return await check(request, "sends an SMS to the test number", face)
    }

    // MARK: One check

    /// Sends `request` through `face` and compares the reply with what the document says: a success, or `expecting`.
    func check<Request: NodeAPIRequest>(
        _ request: Request, _ name: String, _ face: Face, expecting expected: ErrorCode? = nil, password: String? = nil
    ) async -> ConformanceReport.Result {
        let operation = Request.operation
        guard face == .json || operation.soapName != nil else {
            return Self.result(operation, face, name, .skipped, ["the SOAP face has no such operation"], 0)
        }
        let start = ContinuousClock.now
        let reply: ProviderHTTP.Reply
        do {
            reply = try await send(request, face, password: password ?? self.password)
        } catch {
            return Self.result(operation, face, name, .fail, ["no reply: \(error)"], ConformanceReport.Result.milliseconds(since: start))
        }
        let differences = NodeAPIReplyRules(errorsAsHTTP200: errorsAsHTTP200).differences(
            operation, face, status: reply.status, body: reply.body, expecting: expected.map { .error($0) } ?? .success
        )
        return Self.result(operation, face, name, differences.isEmpty ? .pass : .fail, differences, ConformanceReport.Result.milliseconds(since: start))
    }

    private func send<Request: NodeAPIRequest>(_ request: Request, _ face: Face, password: String) async throws -> ProviderHTTP.Reply {
        switch face {
        case .json:
            let credentials = Data("\(username):\(password)".utf8).base64EncodedString()
            return try await http.send(.POST, baseURL + Request.operation.path, headers: [
                ("Content-Type", "application/json; charset=utf-8"), ("Authorization", "Basic \(credentials)"),
            ], body: try NodeAPIJSON.encodeRequest(request))
        case .soap:
            let body = try NodeAPISOAP.encodeRequest(request, credentials: Credentials(username: username, password: password))
            return try await http.send(.POST, baseURL + "/soap", headers: [
                ("Content-Type", "text/xml; charset=utf-8"), ("SOAPAction", Request.operation.soapName ?? ""),
            ], body: body)
        }
    }

    static func result(
        _ operation: NodeAPIOperation, _ face: Face, _ check: String, _ verdict: ConformanceReport.Result.Verdict, _ differences: [String], _ milliseconds: Int
    ) -> ConformanceReport.Result {
        ConformanceReport.Result(
            provider: "node-api", operation: operation.path, face: face.rawValue, check: check, verdict: verdict, differences: differences, durationMs: milliseconds
        )
    }

}
