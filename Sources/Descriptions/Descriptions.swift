import Foundation

/// Every file of the repository that follows from the operation tables, and what each should hold:
/// `provider-mock describe` writes them, and a test holds each committed file to it.
package enum Descriptions {
    package static func files(_ repository: Repository) throws(DescribeError) -> [DescribedFile] {
        [
            DescribedFile("README.md", .sections(ReferenceTables.sections)),
            DescribedFile("describe/operations.json", .whole(ReferenceTables.operationsJSON)),
            DescribedFile("Sources/MockProviders/Resources/sms.wsdl", .sections(WSDLOperations.sections)),
            try OpenAPISource.nodeAPI.file(repository),
            try OpenAPISource.iys.file(repository),
            try OpenAPISource.euromsg.file(repository),
            try OpenAPISource.admin.file(repository),
            DescribedFile("postman/node-api.postman_collection.json", .whole(try NodeAPICollection.collection(repository).json)),
            DescribedFile("postman/mysoft-iys.postman_collection.json", .whole(IYSCollection.collection.json)),
            DescribedFile("postman/euromsg-express.postman_collection.json", .whole(ExpressCollection.collection.json)),
            DescribedFile("postman/mocks.postman_environment.json", .whole(MocksEnvironment.environment.json)),
        ]
    }
}

/// The repository's files the descriptions read (the document's examples, kept as the codec tests' golden files).
package struct Repository: Sendable {
    package let root: URL

    package init(root: URL) { self.root = root }

    package func read(_ path: String) throws(DescribeError) -> String {
        do {
            return try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        } catch {
            throw .unreadable(path, error.localizedDescription)
        }
    }

    /// The files directly in `folder`, sorted by name.
    package func list(_ folder: String) throws(DescribeError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).sorted()
        } catch {
            throw .unreadable(folder, error.localizedDescription)
        }
    }
}
