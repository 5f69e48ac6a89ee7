import Foundation
import LibXML
import NodeAPIExamples

/// Golden files beside the tests, and the comparison "equivalent document" means here.
enum Golden {
    static func bytes(_ name: String, in folder: String = "document") throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "xml", subdirectory: "Golden/\(folder)") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Golden/\(folder)/\(name).xml"])
        }
        return Array(try Data(contentsOf: url))
    }

    static func canonical(_ element: XMLElement) -> XMLElement { XMLEquivalence.canonical(element) }
    static func canonical(_ bytes: [UInt8]) throws -> XMLElement { try XMLEquivalence.canonical(bytes) }

    /// The `<result>` of a reply envelope (or the document itself when it is a bare `<result>`).
    static func result(of bytes: [UInt8]) throws -> XMLElement {
        let root = try XMLDocumentParser.parse(bytes)
        if root.localName == "result" { return canonical(root) }
        let body = root.children.first { $0.localName == "Body" }
        return canonical(body?.children.first?.child("result") ?? root)
    }
}
