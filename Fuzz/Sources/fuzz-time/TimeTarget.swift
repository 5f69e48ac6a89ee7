import Foundation
import FuzzSupport
import HTTPTypes
@_spi(MockInternals) import MockProviders
@_spi(MockInternals) import MockSimulations
import NodeAPI

/// Times as clients write them: the input is a time text. The admin API's parser refuses it or reads an instant that it
/// writes back to the same instant; a Node API date refuses it or reads a date that reads back the same from its own
/// text; and the calls that take a time (the journal's `since`, the clock's `now`, `/sms/list`'s `startDate`) answer it
/// in the protocol's shape. Item 1 of issue 23: a 35-digit fraction ended the process in ICU, a 19-digit one in `Int`.
private let harness = MockHarness()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTime(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let instant = ISOTime.milliseconds(text) {
        let written = ISOTime.string(instant)
        if ISOTime.milliseconds(written) != instant { Oracle.fail("\(text.debugDescription) read as \(instant), written as \(written), which reads otherwise") }
    }
    if let date = WireDate(text), WireDate(date.description) != date {
        Oracle.fail("\(text.debugDescription) read as \(date.description), which reads otherwise")
    }
    let mocks = harness.next()
    let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    let since = mocks.admin.respond(.get, "/__admin/requests?since=\(query)", body: [])
    Oracle.expectNoServerError(since, "since=\(text.debugDescription)")
    Oracle.expectJSON(since, "since=\(text.debugDescription)")
    let quoted = (try? JSONEncoder().encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    let list = mocks.nodeAPI.respond(.post, "/sms/list", headers: mocks.nodeAPIHeaders, body: Array(#"{"startDate": \#(quoted)}"#.utf8))
    Oracle.expectNoServerError(list, "/sms/list startDate=\(text.debugDescription)")
    Oracle.expectJSON(list, "/sms/list startDate=\(text.debugDescription)")
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_time_main")
public func fuzzTimeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzTime)
}
