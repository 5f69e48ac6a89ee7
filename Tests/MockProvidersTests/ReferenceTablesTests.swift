import Foundation
@testable import MockProviders
import Testing

/// Issue 27: the README's tables of each API's calls are what the operation tables generate (`provider-mock describe`
/// writes them): committed = generated.
@Suite struct ReferenceTablesTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").standardized

    @Test func theREADMEsTablesAreGenerated() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let (generated, missing) = ReferenceTables.filling(text)
        #expect(missing.isEmpty, "the README has no markers for \(missing)")
        let upToDate = generated == text
        #expect(upToDate, "the README's generated tables are out of date: run `provider-mock describe`")
    }

    @Test func theOperationsFileIsGenerated() throws {
        let path = Self.readme.deletingLastPathComponent().appendingPathComponent("describe/operations.json")
        let upToDate = try String(contentsOf: path, encoding: .utf8) == ReferenceTables.operationsJSON
        #expect(upToDate, "describe/operations.json is out of date: run `provider-mock describe`")
    }

    @Test func aTableFollowsItsOperationTable() {
        let (filled, missing) = ReferenceTables.filling("a\n<!-- generated: iys-calls -->\nold\n<!-- end generated -->\nb")
        #expect(missing == ["node-api-calls", "euromsg-calls"])
        #expect(filled.contains("| `/api/IYSConsent/IYSBrands` | GET, POST |") && !filled.contains("old"))
        #expect(filled.hasPrefix("a\n<!-- generated: iys-calls -->\n|") && filled.hasSuffix("|\n<!-- end generated -->\nb"))
    }
}
