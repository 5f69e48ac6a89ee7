/// The unknown-key rule of what must not carry a key it does not know (a scenario file, a world's request, a connector
/// configuration): a typo such as `ttl` or `sendrList` is refused, naming the key and the keys known, rather than
/// ignored.
package enum KnownKeys {
    /// The first of `keys`, in sorted order, that `Known` does not name; nil when every key is known.
    package static func firstUnknown<Known: CodingKey & CaseIterable>(in keys: some Sequence<String>, of known: Known.Type) -> String? {
        let names = Set(Known.allCases.map(\.stringValue))
        return keys.filter { !names.contains($0) }.sorted().first
    }

    /// The keys `Known` names, as an error lists them (`name, scenario, clock`).
    package static func list<Known: CodingKey & CaseIterable>(_ known: Known.Type) -> String {
        Known.allCases.map(\.stringValue).joined(separator: ", ")
    }
}
