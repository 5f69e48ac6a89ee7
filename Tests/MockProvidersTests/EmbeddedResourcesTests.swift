import Foundation
@testable import MockProviders
@testable import MockSimulations
import Testing

/// Issue 24, item 1: the mocks' files are compiled in, so the binary needs no resource bundle beside it; what is compiled
/// in is each file of `Sources/MockProviders/Resources` as it is (the build plugin's one source).
@Suite struct EmbeddedResourcesTests {
    @Test func everyResourceFileIsEmbeddedAsItIs() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/MockProviders/Resources")
        let files = try #require(FileManager.default.subpaths(atPath: folder.path)).filter { path in
            var directory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &directory) && !directory.boolValue
        }
        #expect(Set(files) == Set(EmbeddedResources.files.keys))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(EmbeddedResources.files[file] == text, "\(file) differs from what is compiled in")
        }
        #expect(BundledResource.text("sms", "wsdl").contains("definitions"))
        #expect(BundledResource.text("iys", "json", in: "openapi").contains("\"openapi\" : \"3.1.0\""))
        #expect(try Scenario.bundled().nodeAPI.accounts.isEmpty == false)
    }
}
