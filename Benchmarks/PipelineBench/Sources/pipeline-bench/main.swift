import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MockProviders
import MockSimulations
import NIOCore
import NIOEmbedded

// The Node API's router, built as `provider-mock serve` builds it, answering PROFILE_CALLS requests of one load in
// process: no sockets and no HTTP parsing, which every build shares, so that what differs between two builds is the
// request path itself (routing, middleware, the simulation, the codec, the journal). Generic over the router's
// context, so that the same source builds against revisions whose routers use another one.
// Environment: PROFILE (health, echo, json, soap), PROFILE_CALLS (default 1000), SCENARIO (default the wrk bench's).

struct Load: Sendable {
    var method: HTTPRequest.Method
    var path: String
    var headers: HTTPFields
    var body: String
}

let json = #"{"type":1,"sendingType":0,"number":905551230011,"sender":"BASLIK","title":"Bench","content":"Merhaba, bu bir deneme mesajıdır."}"#
let soap = """
    <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms">\
    <soapenv:Header/><soapenv:Body><sms:sendSms><username>admin</username><password>123456</password><type>1</type>\
    <sendingType>0</sendingType><title>Bench</title><content>Merhaba, bu bir deneme mesajıdır.</content>\
    <number>905551230011</number><encoding>1</encoding><sender>BASLIK</sender></sms:sendSms></soapenv:Body></soapenv:Envelope>
    """
let basic: HTTPFields = [.authorization: "Basic YWRtaW46MTIzNDU2", .contentType: "application/json"]
let loads: [String: Load] = [
    "health": Load(method: .get, path: "/mock/health", headers: [:], body: ""),
    "echo": Load(method: .post, path: "/mock/echo", headers: basic, body: json),
    "json": Load(method: .post, path: "/sms/create", headers: basic, body: json),
    "soap": Load(method: .post, path: "/soap", headers: [.contentType: "text/xml;charset=UTF-8", HTTPField.Name("SOAPAction")!: "sendSms"], body: soap),
]

/// Discards the body, as a socket would take it.
struct Discard: ResponseBodyWriter {
    mutating func write(_ buffer: ByteBuffer) async throws {}
    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

func run<Context: RequestContext>(_ router: Router<Context>, _ load: Load, calls: Int) async throws -> Int where Context.Source == ApplicationRequestContextSource {
    let responder = router.buildResponder()
    let channel = EmbeddedChannel()
    let logger = Logger(label: "pipeline-bench")
    var failures = 0
    for _ in 0..<calls {
        var headers = load.headers
        headers[.contentLength] = String(load.body.utf8.count)
        let request = Request(
            head: HTTPRequest(method: load.method, scheme: "http", authority: "localhost", path: load.path, headerFields: headers),
            body: RequestBody(buffer: ByteBuffer(string: load.body))
        )
        let context = Context(source: ApplicationRequestContextSource(channel: channel, logger: logger))
        let response = try await responder.respond(to: request, context: context)
        if response.status.code >= 300 { failures += 1 }
        try await response.body.write(Discard())
    }
    return failures
}

let environment = ProcessInfo.processInfo.environment
let profile = environment["PROFILE"] ?? "json"
let calls = Int(environment["PROFILE_CALLS"] ?? "") ?? 1000
guard let load = loads[profile] else {
    FileHandle.standardError.write(Data("unknown PROFILE \(profile): one of \(loads.keys.sorted())\n".utf8))
    exit(2)
}
let scenarioPath = environment["SCENARIO"] ?? URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("wrk/bench.yaml").path
let mocks = ProviderMocks(scenario: try Scenario.load(path: scenarioPath), clock: SystemClock())

// Main waits on a semaphore rather than in an async main: valgrind 3.19 cannot follow the signal wait that Swift's
// async main leaves the main thread in.
let done = DispatchSemaphore(value: 0)
nonisolated(unsafe) var outcome: Result<Int, any Error> = .success(0)
Task.detached {
    do { outcome = .success(try await run(mocks.nodeAPIRouter(), load, calls: calls)) } catch { outcome = .failure(error) }
    done.signal()
}
done.wait()
switch outcome {
case .success(let failures) where failures == 0:
    print("\(profile): \(calls) calls")
case .success(let failures):
    FileHandle.standardError.write(Data("\(profile): \(failures) of \(calls) calls failed\n".utf8))
    exit(1)
case .failure(let error):
    FileHandle.standardError.write(Data("\(profile): \(error)\n".utf8))
    exit(1)
}
