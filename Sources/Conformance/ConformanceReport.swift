import Foundation

/// What a conformance run found: one result per check, each with what differed from the document.
public struct ConformanceReport: Sendable, Hashable, Codable {
    public struct Result: Sendable, Hashable, Codable {
        public enum Verdict: String, Sendable, Hashable, Codable {
            case pass, fail, skipped
        }

        /// The provider (`node-api`), the operation's path, the face (`json`, `soap`) and what the check asks.
        public var provider: String
        public var operation: String
        public var face: String
        public var check: String
        public var verdict: Verdict
        /// What differed from the document (or why the check was skipped), one line each.
        public var differences: [String]
        public var durationMs: Int

        /// Whole milliseconds from `start` to now, for ``durationMs``.
        static func milliseconds(since start: ContinuousClock.Instant) -> Int {
            Int((ContinuousClock.now - start) / .milliseconds(1))
        }
    }

    public var results: [Result]

    public init(results: [Result]) { self.results = results }

    /// True when no check failed.
    public var conformant: Bool { !results.contains { $0.verdict == .fail } }

    public var counts: (passed: Int, failed: Int, skipped: Int) {
        results.reduce(into: (0, 0, 0)) { counts, result in
            switch result.verdict {
            case .pass: counts.0 += 1
            case .fail: counts.1 += 1
            case .skipped: counts.2 += 1
            }
        }
    }

    /// A table for the terminal: provider, operation, face, verdict and check, then what differed, indented.
    public var table: String {
        let width = max(results.map(\.operation.count).max() ?? 0, 9)
        var lines = ["provider  " + "operation".padding(toLength: width, withPad: " ", startingAt: 0) + "  face  verdict  check"]
        for result in results {
            lines.append(result.provider.padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
                + result.operation.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + result.face.padding(toLength: 4, withPad: " ", startingAt: 0) + "  "
                + result.verdict.rawValue.uppercased().padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + result.check)
            for difference in result.differences { lines.append(String(repeating: " ", count: width + 12) + "- " + difference) }
        }
        let (passed, failed, skipped) = counts
        lines.append("\(passed) passed, \(failed) failed, \(skipped) skipped: \(conformant ? "conformant" : "NOT conformant")")
        return lines.joined(separator: "\n") + "\n"
    }

    /// JUnit XML, as CI systems read it: a suite per provider and face, a test case per check.
    public var junit: String {
        var suites: [String: [Result]] = [:]
        for result in results { suites["\(result.provider).\(result.face)", default: []].append(result) }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        let (passed, failed, skipped) = counts
        xml += #"<testsuites name="provider-mock check" tests="\#(passed + failed + skipped)" failures="\#(failed)" skipped="\#(skipped)">"# + "\n"
        for name in suites.keys.sorted() {
            let cases = suites[name] ?? []
            let failures = cases.filter { $0.verdict == .fail }.count
            let skips = cases.filter { $0.verdict == .skipped }.count
            let time = Double(cases.reduce(0) { $0 + $1.durationMs }) / 1000
            xml += #"  <testsuite name="\#(Self.escape(name))" tests="\#(cases.count)" failures="\#(failures)" skipped="\#(skips)" time="\#(time)">"# + "\n"
            for result in cases {
                let header = #"    <testcase classname="\#(Self.escape(name))" name="\#(Self.escape(result.operation + ": " + result.check))" time="\#(Double(result.durationMs) / 1000)""#
                switch result.verdict {
                case .pass:
                    xml += header + "/>\n"
                case .fail:
                    let message = Self.escape(result.differences.first ?? "differs")
                    xml += header + ">\n" + #"      <failure message="\#(message)">\#(Self.escape(result.differences.joined(separator: "\n")))</failure>"# + "\n    </testcase>\n"
                case .skipped:
                    xml += header + ">\n" + #"      <skipped message="\#(Self.escape(result.differences.first ?? ""))"/>"# + "\n    </testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// The report as JSON (`--json FILE`).
    public var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(self))) ?? []
    }

    /// Text in XML: markup escaped, and characters XML 1.0 does not allow (control bytes from a hostile reply) dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += " "
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
