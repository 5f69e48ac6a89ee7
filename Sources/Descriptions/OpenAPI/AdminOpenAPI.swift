import Foundation
import MockProviders
import Yams

/// The admin API's OpenAPI description, served at `GET /__admin/openapi.json`: `describe/admin-api.yaml` (written by
/// hand: info, components, and each call's parameters, body and replies under `x-operations`, by operationId) with its
/// paths made from ``AdminOperation``'s table (each call's path, method, operationId, summary and description).
enum AdminOpenAPI {
    static let source = "describe/admin-api.yaml"
    static let path = "Sources/MockProviders/Resources/admin-openapi.json"

    static func file(_ repository: Repository) throws(DescribeError) -> DescribedFile {
        DescribedFile(path, .whole(try json(repository.read(source))))
    }

    /// YAML's integers as Swift's, and those beyond `Int` (a seed's maximum, `UInt64.max`) as `UInt`, not as text.
    private static var constructor: Constructor {
        Constructor(
            Constructor.defaultScalarMap.merging([.int: { Int.construct(from: $0) ?? UInt.construct(from: $0) ?? $0.string }]) { _, new in new }
        )
    }

    /// The served description, keys sorted; throws naming a call the table and `x-operations` do not share.
    static func json(_ yaml: String) throws(DescribeError) -> String {
        guard var document = (try? Yams.load(yaml: yaml, .default, constructor)) as? [String: Any], let parts = document.removeValue(forKey: "x-operations") as? [String: Any] else {
            throw .unreadable(source, "not a YAML mapping with x-operations")
        }
        let table = Set(AdminOperation.allCases.map(\.rawValue))
        let missing = table.subtracting(parts.keys).sorted(), unknown = Set(parts.keys).subtracting(table).sorted()
        guard missing.isEmpty, unknown.isEmpty else {
            throw .mismatch(source, "x-operations lacks \(missing) and has \(unknown), which the admin API's table (AdminOperation) does not")
        }
        var paths: [String: [String: Any]] = [:]
        for operation in AdminOperation.allCases {
            var item = parts[operation.rawValue] as? [String: Any] ?? [:]
            item["operationId"] = operation.rawValue
            item["summary"] = operation.descriptor.summary
            if let details = operation.descriptor.details { item["description"] = details }
            paths[operation.path, default: [:]][operation.method.rawValue.lowercased()] = item
        }
        document["paths"] = paths
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            throw .unreadable(source, "cannot be written as JSON")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
