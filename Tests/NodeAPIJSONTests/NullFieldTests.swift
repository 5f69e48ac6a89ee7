import Foundation
import NodeAPI
import NodeAPIExamples
import NodeAPIJSON
import Testing

/// A field whose value is JSON null is "not given", on every endpoint and at every depth: each field of every
/// document example, set to null, decodes exactly as the example without that field (issue 12, item 2).
@Suite struct NullFieldTests {
    @Test(arguments: JSONExamples.requests.indices)
    func nullIsAbsentInEveryField(_ index: Int) throws {
        let example = JSONExamples.requests[index]
        try check(example.request, file: example.file)
    }

    private func check<Request: NodeAPIRequest>(_ example: Request, file: String) throws {
        let type = Request.self
        let bytes = try JSONGolden.bytes(file)
        guard !bytes.isEmpty else { return }  // an operation without parameters: its example is an empty body
        let golden = try JSONSerialization.jsonObject(with: Data(bytes))
        var checked = 0
        for path in Self.objectFieldPaths(in: golden) {
            let nulled = try JSONSerialization.data(withJSONObject: Self.replacing(path, in: golden, with: NSNull()))
            let removed = try JSONSerialization.data(withJSONObject: Self.replacing(path, in: golden, with: nil))
            #expect(outcome(type, nulled) == outcome(type, removed), "\(file): \(path) set to null")
            checked += 1
        }
        #expect(checked > 0, "\(file) has no field")
    }

    /// The decoded value or the error; unknown fields refused (the strict mode), so that a null one would show.
    /// Compared as values: two equal dictionaries may print their entries in different orders.
    enum Outcome<Request: NodeAPIRequest>: Equatable {
        case decoded(Request)
        case error(String)
    }

    private func outcome<Request: NodeAPIRequest>(_ type: Request.Type, _ data: Data) -> Outcome<Request> {
        do {
            return .decoded(try NodeAPIJSON.decodeRequest(type, from: Array(data), validating: false))
        } catch {
            return .error("\(error.code): \(error.message)")
        }
    }

    enum Step: CustomStringConvertible {
        case key(String), index(Int)
        var description: String {
            switch self {
            case .key(let key): ".\(key)"
            case .index(let index): "[\(index)]"
            }
        }
    }

    /// Every path that ends at a field of an object, at any depth.
    static func objectFieldPaths(in value: Any, prefix: [Step] = []) -> [[Step]] {
        switch value {
        case let object as [String: Any]:
            return object.keys.sorted().flatMap { key in [prefix + [.key(key)]] + objectFieldPaths(in: object[key]!, prefix: prefix + [.key(key)]) }
        case let array as [Any]:
            return array.indices.flatMap { objectFieldPaths(in: array[$0], prefix: prefix + [.index($0)]) }
        default:
            return []
        }
    }

    /// The value with the field at `path` set to `replacement`, or removed when it is `nil`.
    static func replacing(_ path: [Step], in value: Any, with replacement: Any?) -> Any {
        guard let step = path.first else { return replacement as Any }
        switch (step, value) {
        case (.key(let key), var object as [String: Any]):
            if path.count == 1 {
                object[key] = replacement
            } else if let inner = object[key] {
                object[key] = replacing(Array(path.dropFirst()), in: inner, with: replacement)
            }
            return object
        case (.index(let index), var array as [Any]):
            array[index] = replacing(Array(path.dropFirst()), in: array[index], with: replacement)
            return array
        default:
            return value
        }
    }
}
