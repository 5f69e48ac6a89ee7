import Foundation
import LibXML

/// Golden files beside the tests, and the comparison "equivalent document" means here.
enum Golden {
    static func bytes(_ name: String, in folder: String = "document") throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "xml", subdirectory: "Golden/\(folder)") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Golden/\(folder)/\(name).xml"])
        }
        return Array(try Data(contentsOf: url))
    }

    /// The tree with empty elements removed (on the Node API's SOAP face they mean "not given") and
    /// attributes dropped: two documents are equivalent when their canonical trees are equal.
    static func canonical(_ element: XMLElement) -> XMLElement {
        var copy = element
        copy.attributes = []
        copy.children = element.children.map(canonical).filter { !($0.children.isEmpty && $0.text.isEmpty) }
        if !copy.children.isEmpty { copy.text = "" }
        return copy
    }

    static func canonical(_ bytes: [UInt8]) throws -> XMLElement {
        canonical(try XMLDocumentParser.parse(bytes))
    }

    /// The `<result>` of a reply envelope (or the document itself when it is a bare `<result>`).
    static func result(of bytes: [UInt8]) throws -> XMLElement {
        let root = try XMLDocumentParser.parse(bytes)
        if root.localName == "result" { return canonical(root) }
        let body = root.children.first { $0.localName == "Body" }
        return canonical(body?.children.first?.child("result") ?? root)
    }
}
