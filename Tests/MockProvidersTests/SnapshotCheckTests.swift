import Foundation
@_spi(MockInternals) @testable import MockProviders
@_spi(MockInternals) @testable import MockSimulations
import MySoftIYS
import NodeAPI
import Testing
import WireCoding

/// Issue 23, item 3: a `--state` file is checked as strictly as a scenario before any of it is used; a bad one is
/// refused at start naming the path, the field and why, instead of trapping at the next create, list or summary.
@Suite struct SnapshotCheckTests {
    /// The state of mocks with a package (two items, with reports due), a consent and a Euromsg list, as JSON.
    static func savedState() throws -> [String: Any] {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        var sms = CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230001"]), sender: "BASLIK", title: "T", content: "Kayıt")
        sms.pushSettings = PushSettings(url: "http://127.0.0.1:1/hook")
        _ = try mocks.nodeAPI.respond(to: sms, as: "admin")
        _ = try mocks.iys.respond(to: SendConsentRequest(brandCode: IYSSimulationTests.brand, consentData: IYSSimulationTests.consent("+905551112233")), as: "admin")
        let data = try WireJSON.encoder().encode(mocks.snapshot())
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func load(_ state: [String: Any]) throws -> MockSnapshot? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try JSONSerialization.data(withJSONObject: state).write(to: file)
        return try MockSnapshot.load(path: file.path)
    }

    @Test func aSavedStateLoadsAndRestores() throws {
        let snapshot = try #require(try Self.load(try Self.savedState()))
        #expect(snapshot.nodeAPI.packages.count == 1)
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        mocks.restore(snapshot)
        #expect(try mocks.nodeAPI.respond(to: ListSmsRequest(), as: "admin").list.count == 1)
    }

    /// Each edit (a path of keys and indices, and the value put there) makes the file unusable, for the field named.
    @Test(arguments: [
        ("nodeAPI.nextPackageID", "nodeAPI/nextPackageID", Int.max),
        ("nodeAPI.nextItemID", "nodeAPI/nextItemID", Int.max),
        ("nodeAPI.accounts[0].credit", "nodeAPI/accounts/0/credit", -5),
        ("nodeAPI.packages[0].validity", "nodeAPI/packages/0/validity", Int.max),
        ("nodeAPI.packages[0].items[1].delay", "nodeAPI/packages/0/items/1/delay", -1),
        ("nodeAPI.packages[0].items[0].segments", "nodeAPI/packages/0/items/0/segments", Int.max),
        ("nodeAPI.packages[0].startsAt", "nodeAPI/packages/0/startsAt", Int.max),
        ("nodeAPI.packages[0].id", "nodeAPI/packages/0/id", Int.max),
        ("nodeAPI.reports", "nodeAPI/reports/0/items/0", 99),
        ("nodeAPI.reports", "nodeAPI/reports/0/package", 424_242),
        ("iysConsents.brands[0].nextPosition", "iysConsents/brands/0/nextPosition", Int.max),
        ("euromsg.ids.list", "euromsg/ids/list", Int.max),
        ("savedAt", "savedAt", -1),
    ])
    func aBadFieldIsRefusedByName(field: String, path: String, value: Int) throws {
        var state = try Self.savedState()
        state[path: path.split(separator: "/").map(String.init)] = value
        do {
            _ = try Self.load(state)
            Issue.record("\(field): loaded")
        } catch let error as MockSnapshot.LoadError {
            #expect(error.description.contains("cannot be used: \(field)"), "\(error.description)")
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The value at a path of keys and indices, for editing a decoded JSON file in place.
    subscript(path path: [String]) -> Any? {
        get { nil }
        set {
            guard let key = path.first else { return }
            self[key] = Self.set(self[key], Array(path.dropFirst()), newValue)
        }
    }

    private static func set(_ node: Any?, _ path: [String], _ value: Any?) -> Any? {
        guard let first = path.first else { return value }
        let rest = Array(path.dropFirst())
        if var object = node as? [String: Any] {
            object[first] = set(object[first], rest, value)
            return object
        }
        if let index = Int(first), var array = node as? [Any], array.indices.contains(index) {
            array[index] = set(array[index], rest, value) ?? NSNull()
            return array
        }
        return node
    }
}
