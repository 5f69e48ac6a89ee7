import NodeAPI

/// A `/contact/import` being processed, and the CSV reading it needs.
///
/// An import is applied in slices of ``sliceRows`` rows once its ``delaySeconds`` have passed: each address-book call
/// of the user applies the next slice, and so does the background work of `serve`, one slice per turn, so that a large
/// import never holds the simulation for long and every other request interleaves.
package struct ContactImport: Sendable {
    /// Seconds from submission to processing.
    static let delaySeconds: Int64 = 2
    /// Rows applied per turn.
    package static let sliceRows = 2_000
    /// Most rows in one import: more is `SMS43` (`ERR_REQUEST_PARAM_LIMIT`).
    package static let maxRows = 100_000

    var submittedAt: Int64
    /// The CSV's data rows, not yet parsed (the header row is already gone).
    var lines: [Substring]
    /// The next row to apply.
    var next = 0
    /// The upper-cased `columns`.
    var columns: [String]
    var overwrite: Bool
    var isInBlacklist: Bool
    var groupUUIDs: [String]

    /// An import of the document's CSV: values in single quotes, separated by commas, one row per line; a first row that
    /// repeats the column names is a header. `SMS43` beyond ``maxRows`` rows.
    init(csv: String, columns: [String], submittedAt: Int64, overwrite: Bool, isInBlacklist: Bool, groupUUIDs: [String]) throws(NodeAPIError) {
        self.columns = columns.map { $0.uppercased() }
        var lines = csv.split(whereSeparator: \.isNewline)
        if let first = lines.first, Self.fields(String(first)).map({ $0.uppercased() }) == self.columns { lines.removeFirst() }
        if lines.count > Self.maxRows {
            throw NodeAPIError(.sms43, detail: "csvData has \(lines.count) rows, at most \(Self.maxRows)")
        }
        self.lines = lines
        self.submittedAt = submittedAt
        self.overwrite = overwrite
        self.isInBlacklist = isInBlacklist
        self.groupUUIDs = groupUUIDs
    }

    func isDue(at now: Int64) -> Bool { now >= dueAt }
    var dueAt: Int64 { submittedAt + Self.delaySeconds * 1000 }
    var isFinished: Bool { next >= lines.count }

    /// The next slice's rows, keyed by column, and the import moved past them.
    mutating func nextSlice() -> [[String: String]] {
        let end = min(next + Self.sliceRows, lines.count)
        defer { next = end }
        return lines[next..<end].map { line in
            var row: [String: String] = [:]
            for (name, value) in zip(columns, Self.fields(String(line))) { row[name] = value }
            return row
        }
    }

    /// `'a','b, c', 'd'` → `["a", "b, c", "d"]`; a doubled quote inside quotes is one quote.
    package static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            switch character {
            case "'" where quoted && characters.first == "'":
                current.append("'")
                characters.removeFirst()
            case "'":
                quoted.toggle()
            case "," where !quoted:
                fields.append(current.trimmedASCIIWhitespace)
                current = ""
            default:
                current.append(character)
            }
        }
        fields.append(current.trimmedASCIIWhitespace)
        return fields
    }
}
