import FuzzSupport
import HTTPTypes

/// The Node API's SOAP face: the input is a whole envelope, POSTed to `/soap`. libxml2 parse, decode, simulate, encode;
/// the reply must be XML a SOAP client can read.
private let harness = MockHarness()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNodeAPISOAP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let body = Array(UnsafeBufferPointer(start: data, count: size))
    let mocks = harness.next()
    let reply = mocks.nodeAPI.respond(.post, "/soap", headers: [.contentType: "text/xml; charset=utf-8"], body: body)
    Oracle.expectOnlyClientFaults(reply, "POST /soap")
    Oracle.expectXML(reply, "POST /soap")
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_node_api_soap_main")
public func fuzznodeapisoapMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzNodeAPISOAP)
}
