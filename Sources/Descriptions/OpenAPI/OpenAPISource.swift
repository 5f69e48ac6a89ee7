import Foundation
import Yams

/// An OpenAPI description the mocks serve: written by hand in `describe/openapi/NAME.yaml` but for its paths, which
/// follow from the API's operation table. `provider-mock describe` writes the whole description as the JSON the mock
/// serves (`Sources/MockProviders/Resources/openapi/NAME.json`, keys sorted): each call of the table at its path and
/// method, with what the table says of it (id, summary, description; for a regular API, its request and reply as
/// schemas named after it), and what is written by hand under `x-operations` by the call's id (its parameters, body
/// and replies, for an API whose calls differ in them).
struct OpenAPISource {
    /// One call of the table as a description gives it.
    struct Operation {
        let path: String
        /// In lower case, as OpenAPI writes it.
        let method: String
        let id: String
        /// What the table gives of the operation object.
        let object: [String: Any]
    }

    let name: String
    let operations: [Operation]
    /// Every call has its parameters, body and replies written by hand under `x-operations`.
    let partsRequired: Bool

    var source: String { "describe/openapi/\(name).yaml" }
    var path: String { "Sources/MockProviders/Resources/openapi/\(name).json" }

    func file(_ repository: Repository) throws(DescribeError) -> DescribedFile {
        DescribedFile(path, .whole(try json(repository.read(source))))
    }

    /// The served description; throws naming a call that the table and `x-operations` do not share, or a path written
    /// by hand that the table also gives.
    func json(_ yaml: String) throws(DescribeError) -> String {
        guard var document = (try? Yams.load(yaml: yaml, .default, Self.constructor)) as? [String: Any] else {
            throw .unreadable(source, "not a YAML mapping")
        }
        let parts = document.removeValue(forKey: "x-operations") as? [String: Any] ?? [:]
        let ids = Set(operations.map(\.id))
        let missing = partsRequired ? ids.subtracting(parts.keys).sorted() : [], unknown = Set(parts.keys).subtracting(ids).sorted()
        guard missing.isEmpty, unknown.isEmpty else {
            throw .mismatch(source, "x-operations lacks \(missing) and has \(unknown), which the operation table does not")
        }
        var paths = document["paths"] as? [String: [String: Any]] ?? [:]
        for operation in operations {
            guard paths[operation.path]?[operation.method] == nil else {
                throw .mismatch(source, "\(operation.method.uppercased()) \(operation.path) is written by hand and given by the operation table")
            }
            let written = parts[operation.id] as? [String: Any] ?? [:]
            paths[operation.path, default: [:]][operation.method] = operation.object.merging(written) { generated, _ in generated }
        }
        document["paths"] = paths
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            throw .unreadable(source, "cannot be written as JSON")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// YAML's integers as Swift's, and those beyond `Int` (a seed's maximum, `UInt64.max`) as `UInt`, not as text.
    private static var constructor: Constructor {
        Constructor(
            Constructor.defaultScalarMap.merging([.int: { Int.construct(from: $0) ?? UInt.construct(from: $0) ?? $0.string }]) { _, new in new }
        )
    }

    /// The operation object's part that every table gives: id, summary, and the description if there is more to say.
    static func identity(_ id: String, _ summary: String, _ description: String?) -> [String: Any] {
        var object: [String: Any] = ["operationId": id, "summary": summary]
        if let description { object["description"] = description }
        return object
    }

    /// `{"$ref": "#/components/schemas/NAME"}`.
    static func schema(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
}
