import Foundation

/// A Postman v2.1 collection: what `provider-mock describe` writes in `postman/`, and what the replay test reads.
package struct PostmanCollection: Codable, Sendable {
    package struct Info: Codable, Sendable {
        package var name: String
        package var description: String
        package var schema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
    }

    /// A request, or a folder of them.
    package struct Item: Codable, Sendable {
        package var name: String
        package var item: [Item]?
        package var request: Request?
        package var event: [Event]?

        package static func folder(_ name: String, _ items: [Item]) -> Item { Item(name: name, item: items) }

        /// One request, its test script made of `tests` (``PostmanScript``).
        package static func call(
            _ name: String, _ method: String, _ url: Address, body: Body? = nil, headers: [(String, String)] = [], tests: [String] = [], auth: Auth? = nil
        ) -> Item {
            Item(
                name: name, request: Request(method: method, header: headers.map { Pair($0, $1) }, url: url, body: body, auth: auth),
                event: tests.isEmpty ? nil : [Event(listen: "test", script: .init(exec: tests))]
            )
        }

        /// The requests under this item, in order.
        package var leaves: [Item] { item.map { $0.flatMap(\.leaves) } ?? [self] }
    }

    package struct Request: Codable, Sendable {
        package var method: String
        package var header: [Pair]
        package var url: Address
        package var body: Body?
        package var auth: Auth?
    }

    package struct Address: Codable, Sendable {
        package var raw: String
        package var host: [String]?
        package var path: [String]?
        package var query: [Pair]?

        /// `{{variable}}/path?key=value`.
        package init(_ variable: String, _ path: String, query: [(String, String)] = []) {
            let base = "{{\(variable)}}"
            raw = base + path + (query.isEmpty ? "" : "?" + query.map { "\($0)=\($1)" }.joined(separator: "&"))
            host = [base]
            self.path = path.split(separator: "/").map(String.init)
            self.query = query.isEmpty ? nil : query.map { Pair($0, $1) }
        }
    }

    package struct Body: Codable, Sendable {
        package var mode: String
        package var raw: String?
        package var urlencoded: [Pair]?

        package static func raw(_ text: String) -> Body { Body(mode: "raw", raw: text) }
        package static func form(_ pairs: [(String, String)]) -> Body { Body(mode: "urlencoded", urlencoded: pairs.map { Pair($0, $1) }) }
    }

    package struct Pair: Codable, Sendable {
        package var key: String
        package var value: String
        package var type: String?

        package init(_ key: String, _ value: String, type: String? = nil) {
            self.key = key
            self.value = value
            self.type = type
        }
    }

    package struct Auth: Codable, Sendable {
        package var type: String
        package var basic: [Pair]?
        package var bearer: [Pair]?

        package static let none = Auth(type: "noauth")

        package static func basic(username: String, password: String) -> Auth {
            Auth(type: "basic", basic: [Pair("username", username, type: "string"), Pair("password", password, type: "string")])
        }

        /// A bearer token kept in a collection variable.
        package static func bearer(_ variable: String) -> Auth {
            Auth(type: "bearer", bearer: [Pair("token", "{{\(variable)}}", type: "string")])
        }
    }

    package struct Event: Codable, Sendable {
        package struct Script: Codable, Sendable {
            package var type = "text/javascript"
            package var exec: [String]
        }

        package var listen: String
        package var script: Script
    }

    package var info: Info
    package var item: [Item]
    package var variable: [Pair]?
    package var auth: Auth?

    package init(name: String, description: String, items: [Item], auth: Auth?, variables: [String]) {
        info = Info(name: name, description: description)
        item = items
        variable = variables.map { Pair($0, "") }
        self.auth = auth
    }

    /// The collection as the committed file holds it: pretty, keys sorted, UTF-8 unescaped.
    package var json: String { PostmanCollection.encoded(self) }

    static func encoded(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}

/// A Postman environment: the variables a collection runs with.
package struct PostmanEnvironment: Codable, Sendable {
    package struct Value: Codable, Sendable {
        package var key: String
        package var value: String
        package var type = "default"
        package var enabled = true
    }

    package var name: String
    package var values: [Value]
    package var scope = "environment"

    enum CodingKeys: String, CodingKey {
        case name, values
        case scope = "_postman_variable_scope"
    }

    package init(name: String, values: [(String, String)]) {
        self.name = name
        self.values = values.map { Value(key: $0, value: $1) }
    }

    package var json: String { PostmanCollection.encoded(self) }
}
