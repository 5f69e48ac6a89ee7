import NodeAPI

/// A `/contact/import` waiting to be processed, and the CSV reading it needs.
public struct ContactImport: Sendable {
    /// Seconds from submission to processing.
    static let delaySeconds: Int64 = 2

    var submittedAt: Int64
    var rows: [[String: String]]
    var overwrite: Bool
    var isInBlacklist: Bool
    var groupUUIDs: [String]

    /// Rows of the document's CSV: values in single quotes, separated by commas, one row per line; a first
    /// row that repeats the column names is a header. Keys are the upper-cased `columns`.
    static func rows(csv: String, columns: [String]) -> [[String: String]] {
        let names = columns.map { $0.uppercased() }
        var rows: [[String: String]] = []
        for (index, line) in csv.split(whereSeparator: \.isNewline).enumerated() {
            let values = fields(String(line))
            if index == 0, values.map({ $0.uppercased() }) == names { continue }
            var row: [String: String] = [:]
            for (name, value) in zip(names, values) { row[name] = value }
            rows.append(row)
        }
        return rows
    }

    /// `'a','b, c', 'd'` → `["a", "b, c", "d"]`; a doubled quote inside quotes is one quote.
    public static func fields(_ line: String) -> [String] {
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
