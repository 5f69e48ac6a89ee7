import FuzzSupport
import HTTPTypes

/// The Euromsg Express gateway: the input is `METHOD path?query\nbody` with a valid token and an identified API key.
/// Every reply is JSON: the resource, or the gateway's `{errorCode, message, field?}`.
private let harness = MockHarness()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEuromsg(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let input = RequestInput(UnsafeRawBufferPointer(start: data, count: size))
    let mocks = harness.next()
    let reply = mocks.euromsg.respond(input.method, input.target, headers: mocks.euromsgHeaders, body: input.body)
    Oracle.expectNoServerError(reply, input.description)
    Oracle.expectJSON(reply, arrays: true, input.description)
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_euromsg_main")
public func fuzzeuromsgMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzEuromsg)
}
