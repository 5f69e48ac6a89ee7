import Foundation
import FuzzSupport
import HTTPTypes

/// The admin API: the input is `METHOD path?query\nbody`. Every reply but the page (HTML) and the scenario's text (YAML)
/// is JSON, and none is a server error. The event stream and the wait are left out: they answer when something
/// happens or their time is up (a long poll of up to 120 s is no hang), which an input one at a time cannot show.
private let harness = MockHarness()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAdmin(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let input = RequestInput(UnsafeRawBufferPointer(start: data, count: size))
    if isLongPoll(input.target) { return 0 }
    let mocks = harness.next()
    let reply = mocks.admin.respond(input.method, input.target, headers: [.contentType: "application/json"], body: input.body)
    Oracle.expectNoServerError(reply, input.description)
    // The page and the scenario's text (however their path is spelled: `/__admin/scenario/` reaches it too).
    let type = reply.headers[.contentType] ?? ""
    if reply.status < 300, input.method == .get, type.hasPrefix("text/html") || type.hasPrefix("application/yaml") { return 0 }
    if reply.status == 204 { return 0 }
    Oracle.expectJSON(reply, arrays: true, input.description)
    return 0
}

/// The event stream and the wait however their path is spelled: the router reads `//__admin/events` as
/// `/__admin/events` (a run stopped on `GET //__admin/events`: a stream that stayed open, as it should), and
/// percent-encoded letters are decoded here in case it decodes them too.
private func isLongPoll(_ target: String) -> Bool {
    let path = String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    let decoded = path.removingPercentEncoding ?? path
    let segments = decoded.split(separator: "/").joined(separator: "/")
    return segments.hasPrefix("__admin/events") || segments.hasPrefix("__admin/sms/wait")
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_admin_main")
public func fuzzAdminMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzAdmin)
}
