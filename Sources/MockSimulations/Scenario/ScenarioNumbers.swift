import Yams

/// Refuses, before decoding, the plain YAML numbers that Yams would overflow on: YAML 1.1 reads `1:30` as a base-60
/// integer, and Yams multiplies its parts without checking, so `3000:600000000000000000:0` traps the process instead of
/// failing to decode (a fuzz finding: a scenario file crashed `serve`). The arithmetic is Yams's, mirrored with checks.
enum ScenarioNumbers {
    static func check(_ node: Node, file: String) throws(ScenarioError) {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any, overflowsAsSexagesimal(scalar.string) else { return }
            let line = scalar.mark.map { ":\($0.line)" } ?? ""
            throw ScenarioError("\(file)\(line): '\(scalar.string.prefix(40))' is a base-60 number (YAML's 1:30) too large to read; write numbers in decimal")
        case .mapping(let mapping):
            for (key, value) in mapping {
                try check(key, file: file)
                try check(value, file: file)
            }
        case .sequence(let sequence):
            for element in sequence { try check(element, file: file) }
        case .alias:
            return
        }
    }

    /// Whether Yams's base-60 integer of `text` overflows `Int` (its parts, the running value, or the base it keeps).
    static func overflowsAsSexagesimal(_ text: String) -> Bool {
        var digits = text.replacingOccurrences(of: "_", with: "")
        if digits.hasPrefix("-") || digits.hasPrefix("+") { digits.removeFirst() }
        // A leading 0 is read in another radix, never in base 60.
        guard digits.contains(":"), !digits.hasPrefix("0") else { return false }
        let parts = digits.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.allSatisfy({ $0 != nil }) else { return false }
        var base = 1
        var value = 0
        for part in parts.reversed() {
            let (scaled, overflowScaled) = (part ?? 0).multipliedReportingOverflow(by: base)
            let (sum, overflowSum) = value.addingReportingOverflow(scaled)
            let (next, overflowBase) = base.multipliedReportingOverflow(by: 60)
            if overflowScaled || overflowSum || overflowBase { return true }
            (value, base) = (sum, next)
        }
        return false
    }
}
