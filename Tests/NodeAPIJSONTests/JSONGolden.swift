import Foundation

/// JSON golden files, and the comparison "equivalent document" means for JSON.
enum JSONGolden {
    static func bytes(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Golden") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Golden/\(name).json"])
        }
        return Array(try Data(contentsOf: url))
    }

    /// Fields whose value may be a JSON number or a string for the same GSM number.
    static let numberFields: Set<String> = ["number", "numbers", "nr", "gsm", "gsms"]

    /// A comparable form: nulls dropped (null means absent), GSM numbers as strings.
    static func normalized(_ bytes: [UInt8]) throws -> NSObject {
        let value = try JSONSerialization.jsonObject(with: Data(bytes.isEmpty ? Array("{}".utf8) : bytes), options: [.fragmentsAllowed])
        return normalize(value, key: nil) as! NSObject
    }

    private static func normalize(_ value: Any, key: String?) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            var result: [String: Any] = [:]
            for (name, entry) in dictionary where !(entry is NSNull) { result[name] = normalize(entry, key: name) }
            return result as NSDictionary
        case let array as [Any]:
            return array.map { normalize($0, key: key) } as NSArray
        case let number as NSNumber where key.map(numberFields.contains) == true:
            return number.stringValue as NSString
        default:
            return value
        }
    }
}
