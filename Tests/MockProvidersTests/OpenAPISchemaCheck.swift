import Foundation

/// A small JSON Schema check for the OpenAPI descriptions the mocks serve (the admin API's, and the three providers'):
/// types (one or a list), `enum`, `required`, `properties` (closed: a key the schema does not list is a problem unless
/// `additionalProperties` gives its schema), `items`, `$ref` into `components/schemas`, `allOf` (every one, their
/// properties merged), and `anyOf`/`oneOf` (at least one). Enough for the descriptions here; not a full validator.
/// Sendable: it only reads a parsed document that nothing changes.
struct OpenAPISchemaCheck: @unchecked Sendable {
    let document: [String: Any]

    /// The document's schema for a reply of `method path` with `status`, or its `default`; nil when it gives neither.
    /// The inner optional is nil when the reply is not JSON.
    func replySchema(path: String, method: String, status: Int) -> [String: Any]?? {
        guard let operation = operation(path: path, method: method), let responses = operation["responses"] as? [String: Any],
              var response = (responses[String(status)] ?? responses["default"]) as? [String: Any] else { return nil }
        if let reference = response["$ref"] as? String, let target = resolve(reference) { response = target }
        return .some(((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
    }

    /// The JSON schema of the request body of `method path`.
    func requestSchema(path: String, method: String = "post") -> [String: Any]? {
        (((operation(path: path, method: method)?["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"]
            as? [String: Any]
    }

    func operation(path: String, method: String) -> [String: Any]? {
        ((document["paths"] as? [String: Any])?[path] as? [String: Any])?[method.lowercased()] as? [String: Any]
    }

    /// `#/components/schemas/Name` (or `#/components/responses/Name`).
    func resolve(_ reference: String) -> [String: Any]? {
        var node: Any? = document
        for part in reference.split(separator: "/").dropFirst() { node = (node as? [String: Any])?[String(part)] }
        return node as? [String: Any]
    }

    /// The properties an object schema names, its own and its `allOf`'s.
    func properties(of schema: [String: Any]) -> [String: [String: Any]] {
        var schema = schema
        if let reference = schema["$ref"] as? String { schema = resolve(reference) ?? [:] }
        var properties = (schema["properties"] as? [String: [String: Any]]) ?? [:]
        for part in (schema["allOf"] as? [[String: Any]]) ?? [] { properties.merge(self.properties(of: part)) { mine, _ in mine } }
        return properties
    }

    /// What in `value` breaks `schema`: one line each, with where.
    func problems(_ value: Any, against schema: [String: Any], at location: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else { return ["\(location): no schema \(reference)"] }
            return problems(value, against: target, at: location)
        }
        for key in ["anyOf", "oneOf"] {
            if let choices = schema[key] as? [[String: Any]], !choices.contains(where: { self.problems(value, against: $0, at: location).isEmpty }) {
                return ["\(location): \(value) matches none of \(key)"]
            }
        }
        var problems: [String] = []
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if !types.isEmpty, !types.contains(where: { Self.matches(value, type: $0) }) {
            return ["\(location): \(value) is not \(types.joined(separator: " or "))"]
        }
        if let choices = schema["enum"] as? [Any], !(value is NSNull), !choices.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(location): \(value) is not one of \(choices)")
        }
        var required = (schema["required"] as? [String]) ?? []
        for part in (schema["allOf"] as? [[String: Any]]) ?? [] {
            if let reference = part["$ref"] as? String, let target = resolve(reference) { required += (target["required"] as? [String]) ?? [] }
        }
        if let object = value as? [String: Any] {
            for key in required where object[key] == nil { problems.append("\(location): \(key) is missing") }
            let known = self.properties(of: schema)
            for (key, item) in object {
                if let property = known[key] {
                    problems += self.problems(item, against: property, at: "\(location).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += self.problems(item, against: additional, at: "\(location).\(key)")
                } else if schema["properties"] != nil || schema["allOf"] != nil {
                    problems.append("\(location): \(key) is not in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += self.problems(item, against: items, at: "\(location)[\(index)]") }
        }
        return problems
    }

    /// JSONSerialization's `true` and `false` are a boolean class of their own; its numbers are plain `NSNumber`s.
    static func isBoolean(_ value: Any) -> Bool { String(describing: Swift.type(of: value)).contains("Boolean") }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBoolean(value)
        case "integer": return !isBoolean(value) && (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": return !isBoolean(value) && value is NSNumber
        default: return false
        }
    }
}
