import FuzzSupport
import HTTPTypes

/// The MySoft İYS API: the input is `METHOD path\nbody` (or `path\nbody`, POSTed) with a valid bearer token (the
/// token call itself when the path is `/oauth/token`, as a form unless the body is JSON). Every reply is the `{succeed, data, message, errorCode}` envelope or an OAuth reply.
private let harness = MockHarness()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIYS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let input = RequestInput(UnsafeRawBufferPointer(start: data, count: size))
    let mocks = harness.next()
    var headers = mocks.iysHeaders
    if input.target.hasPrefix("/oauth/token"), input.body.first != UInt8(ascii: "{") {
        headers[.contentType] = "application/x-www-form-urlencoded"
    }
    let reply = mocks.iys.respond(input.method, input.target, headers: headers, body: input.body)
    Oracle.expectNoServerError(reply, input.description)
    Oracle.expectJSON(reply, input.description)
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_iys_main")
public func fuzziysMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzIYS)
}
