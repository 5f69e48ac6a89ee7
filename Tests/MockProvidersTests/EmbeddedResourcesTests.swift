import Foundation
@testable import MockProviders
@testable import MockSimulations
import Testing

/// Issue 24, item 1: the mocks' files are compiled in, so the binary needs no resource bundle beside it; what is compiled
/// in is each file of a target's `Resources` folder as it is (the build plugin's one source): the servers' WSDL, inbox
/// page and OpenAPI descriptions, and the simulations' bundled scenario.
@Suite struct EmbeddedResourcesTests {
    @Test func everyResourceFileIsEmbeddedAsItIs() throws {
        try expectEmbedded("Sources/MockProviders/Resources", MockProviders.EmbeddedResources.files)
        try expectEmbedded("Sources/MockSimulations/Resources", MockSimulations.EmbeddedResources.files)
        #expect(BundledResource.text("sms", "wsdl").contains("definitions"))
        #expect(BundledResource.text("iys", "json", in: "openapi").contains("\"openapi\" : \"3.1.0\""))
        #expect(try Scenario.bundled().nodeAPI.accounts.isEmpty == false)
    }

    func expectEmbedded(_ path: String, _ embedded: [String: String]) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(path)
        let files = try #require(FileManager.default.subpaths(atPath: folder.path)).filter { path in
            var directory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &directory) && !directory.boolValue
        }
        #expect(Set(files) == Set(embedded.keys), "\(path)")
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(embedded[file] == text, "\(path)/\(file) differs from what is compiled in")
        }
    }
}
