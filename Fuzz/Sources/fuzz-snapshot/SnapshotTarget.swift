import Foundation
import FuzzSupport
import HTTPTypes
@_spi(MockInternals) import MockProviders
@_spi(MockInternals) import MockSimulations

/// The `--state` loader: the input is a state file. A file the check accepts is restored into the mocks, which then
/// answer their calls without a trap (every counter, instant and reference in it was within what later arithmetic
/// needs), and the state they write is read back by the same check. Item 3 of issue 23: a counter at `Int.max` loaded
/// and trapped at the next create.
private let scenario: Scenario = {
    do {
        var scenario = try Scenario.bundled()
        scenario.nodeAPI.retainedPackagesPerUser = 1000
        return scenario
    } catch {
        Oracle.fail("the bundled scenario does not load: \(error)")
    }
}()

private let create = Array(#"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "Kod 4821"}"#.utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard let snapshot = try? MockSnapshot.read(Data(bytes: data, count: size), path: "fuzz.json") else { return 0 }
    let mocks = ProviderMocks(scenario: scenario, clock: ManualClock())
    mocks.restore(snapshot)
    let nodeAPI = InProcessRouter(mocks.nodeAPIRouter())
    let headers: HTTPFields = [.authorization: "Basic YWRtaW46MTIzNDU2", .contentType: "application/json"]
    for (path, body) in [("/sms/create", create), ("/sms/list", Array("{}".utf8)), ("/user/credit", []), ("/contact/list-group", Array("{}".utf8))] {
        let reply = nodeAPI.respond(.post, path, headers: headers, body: body)
        Oracle.expectNoServerError(reply, "\(path) after the state file was restored")
    }
    let admin = InProcessRouter(mocks.adminRouter())
    for path in ["/__admin/sms", "/__admin/iys/consents", "/__admin/euromsg/campaigns", "/__admin/callbacks"] {
        Oracle.expectNoServerError(admin.respond(.get, path, body: []), "\(path) after the state file was restored")
    }
    guard let written = try? mocks.snapshot().encoded() else { Oracle.fail("the restored state cannot be written") }
    do {
        _ = try MockSnapshot.read(written, path: "written.json")
    } catch {
        Oracle.fail("the state written after restoring a checked file is refused: \(error.description)")
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_snapshot_main")
public func fuzzSnapshotMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzSnapshot)
}
