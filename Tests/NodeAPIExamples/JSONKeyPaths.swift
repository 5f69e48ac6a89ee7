/// Every key path of a parsed JSON value (`.data.list[].error`), lists by their entries' keys: what the tests compare
/// to check that a reply carries every key a document sample prints, `null` ones included.
public enum JSONKeyPaths {
    public static func of(_ value: Any, prefix: String = "") -> Set<String> {
        switch value {
        case let object as [String: Any]:
            var paths = Set<String>()
            for (key, inner) in object {
                paths.insert(prefix + "." + key)
                paths.formUnion(of(inner, prefix: prefix + "." + key))
            }
            return paths
        case let array as [Any]:
            return array.reduce(into: Set<String>()) { $0.formUnion(of($1, prefix: prefix + "[]")) }
        default:
            return []
        }
    }
}
