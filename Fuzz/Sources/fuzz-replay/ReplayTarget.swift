import Foundation
import FuzzSupport
import MockProviders
import MockRecording

/// Recording and replay (`proxy --record`, `serve --replay`): the input is `METHOD path?query\nbody`, a request as a
/// client sends it. Redaction is idempotent (what a recording holds redacts to itself), and a recording of the request,
/// written to its JSON file and read back, answers that same request: whatever the body holds, a request and its
/// recording get the same replay key.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReplay(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let input = RequestInput(UnsafeRawBufferPointer(start: data, count: size))
    let redacted = RecordedExchange.redacting(body: input.body)
    if RecordedExchange.redacting(body: redacted) != redacted { Oracle.fail("redaction is not idempotent: \(input.description)") }
    let parts = input.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let path = String(parts.first ?? "")
    let query = parts.count > 1 ? String(parts[1]) : nil
    let exchange = RecordedExchange(
        recordedAt: "2026-12-02T10:00:00.000Z", upstream: "http://upstream", durationMs: 1, conformance: [], method: input.method.rawValue, path: path,
        query: query, requestHeaders: [("Authorization", "Basic c2VjcmV0")], requestBody: input.body, status: 200,
        replyHeaders: [("Content-Type", "application/json")], replyBody: Array(#"{"data":{"credit":1},"err":null}"#.utf8)
    )
    guard let file = try? JSONEncoder().encode(exchange), let read = try? JSONDecoder().decode(RecordedExchange.self, from: file) else {
        Oracle.fail("a recording does not survive its file: \(input.description)")
    }
    if read != exchange { Oracle.fail("a recording reads back changed: \(input.description)") }
    let book = ReplayBook([("0001-fuzz.json", read)])
    if book.recording(method: input.method.rawValue, path: path, query: query, body: input.body) == nil {
        Oracle.fail("a recording does not answer the request it was made of: \(input.description)")
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_replay_main")
public func fuzzReplayMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzReplay)
}
