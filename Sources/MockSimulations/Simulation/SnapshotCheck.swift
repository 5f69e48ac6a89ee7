/// The checks a `--state` file passes before any of it is used: a state file is input like a scenario, so every number
/// is held to a range that keeps the arithmetic done on it later from overflowing, and every reference to what it must
/// refer to. A failed check names the field by its path in the file (`nodeAPI.packages[3].items[0].delay`) and why.
package struct SnapshotCheck {
    /// A field of the file that cannot be used.
    package struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        package var field: String
        package var reason: String
        package var description: String { "\(field): \(reason)" }
    }

    /// Ids and counters: what a JavaScript client reads exactly (2^53), far below where `+ 1` overflows.
    package static let ids: ClosedRange<Int> = 0...(1 << 53)
    /// Instants: the years the mocks' clock holds.
    package static let instants = ManualClock.range
    /// Delays and durations in milliseconds: up to ten years.
    package static let delays: ClosedRange<Int64> = 0...Int64(ScenarioBounds.seconds.upperBound) * 1000
    /// Segments of one item's text (the Node API refuses texts longer than this takes).
    package static let segments: ClosedRange<Int> = 0...255
    /// A package's validity in minutes (the document's 60 to 1440; OTPs have their own, shorter, range).
    package static let validity: ClosedRange<Int> = 0...10_080

    /// Worlds a file may hold (`serve --max-worlds` takes back at most its own number of them).
    package static let maxWorlds = 100_000

    private var path: [String] = []

    package init() {}

    /// `body` with `name` appended to the path of the fields it checks.
    package func within<Value>(_ name: String, _ body: (SnapshotCheck) throws(Problem) -> Value) throws(Problem) -> Value {
        var inner = self
        inner.path.append(name)
        return try body(inner)
    }

    /// `value` is in `range`.
    package func range<Value: Comparable>(_ value: Value, _ range: ClosedRange<Value>, _ name: String) throws(Problem) {
        guard range.contains(value) else { throw problem(name, "\(value) is outside \(range.lowerBound)...\(range.upperBound)") }
    }

    /// `condition` holds, else the problem `reason` at `name`.
    package func require(_ condition: Bool, _ name: String, _ reason: @autoclosure () -> String) throws(Problem) {
        guard condition else { throw problem(name, reason()) }
    }

    /// The problem `reason` at `name`, under the path of this check.
    package func problem(_ name: String, _ reason: String) -> Problem {
        let field = (path + [name]).joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        return Problem(field: field, reason: reason)
    }
}
