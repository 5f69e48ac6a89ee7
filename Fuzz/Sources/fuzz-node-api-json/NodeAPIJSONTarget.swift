import FuzzSupport
import HTTPTypes

/// The Node API's JSON face, every operation: the input is `METHOD path\nbody` (or `path\nbody`, POSTed) with the
/// admin's credentials; a GET's parameters may also ride in the query. Decode, validate, simulate, encode.
private let harness = MockHarness()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNodeAPIJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let input = RequestInput(UnsafeRawBufferPointer(start: data, count: size))
    // The SOAP face has its own target; the echo route sends any bytes back. The router ignores empty path segments.
    let segments = input.target.prefix { $0 != "?" }.split(separator: "/")
    if segments.first == "soap" || (segments.first == "mock" && segments.dropFirst().first == "echo") { return 0 }
    let mocks = harness.next()
    let reply = mocks.nodeAPI.respond(input.method, input.target, headers: mocks.nodeAPIHeaders, body: input.body)
    Oracle.expectNoServerError(reply, input.description)
    Oracle.expectJSON(reply, input.description)
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_node_api_json_main")
public func fuzznodeapijsonMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzNodeAPIJSON)
}
