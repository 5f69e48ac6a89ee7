import Foundation

/// A file of the repository that follows from the operation tables: whole (a Postman collection, `operations.json`),
/// or in sections between markers, the rest of it written by hand (the README's reference tables, the WSDL's
/// operations around its hand-written schema).
package struct DescribedFile: Sendable {
    package enum Content: Sendable {
        case whole(String)
        /// Each section goes between the line holding `<!-- generated: NAME -->` and the next line holding
    /// `<!-- end generated -->` (in a YAML file, behind `#`).
        case sections([Section])
    }

    package struct Section: Sendable {
        package let name: String
        package let text: String

        package init(_ name: String, _ text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The path from the repository's root.
    package let path: String
    package let content: Content

    package init(_ path: String, _ content: Content) {
        self.path = path
        self.content = content
    }

    /// What the file should hold, given what it holds now (`nil`: it does not exist).
    package func generated(from current: String?) throws(DescribeError) -> String {
        switch content {
        case .whole(let text):
            return text
        case .sections(let sections):
            guard let current else { throw .unreadable(path, "no such file") }
            let (text, missing) = Self.filling(current, sections)
            guard missing.isEmpty else { throw .missingMarkers(path, missing) }
            return text
        }
    }

    /// `document` with each section put between its markers, and the names of the sections whose markers it lacks.
    package static func filling(_ document: String, _ sections: [Section]) -> (text: String, missing: [String]) {
        var text = document
        var missing: [String] = []
        for section in sections {
            let open = "<!-- generated: \(section.name) -->"
            guard let start = text.range(of: open), let end = text.range(of: "<!-- end generated -->", range: start.upperBound..<text.endIndex) else {
                missing.append(section.name)
                continue
            }
            // From the line after the opening marker to the start of the closing marker's line.
            let first = text[start.upperBound...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            let last = text[..<end.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? end.lowerBound
            guard first <= last else {
                missing.append(section.name)
                continue
            }
            text.replaceSubrange(first..<last, with: section.text + "\n")
        }
        return (text, missing)
    }
}

/// Why `provider-mock describe` cannot generate a file.
package enum DescribeError: Error, Equatable, CustomStringConvertible {
    case missingMarkers(String, [String])
    case unreadable(String, String)
    /// A hand-written part does not follow its operation table.
    case mismatch(String, String)

    package var description: String {
        switch self {
        case .missingMarkers(let path, let names): "\(path) has no markers for \(names.joined(separator: ", "))"
        case .unreadable(let path, let reason): "\(path) cannot be read: \(reason)"
        case .mismatch(let path, let reason): "\(path): \(reason)"
        }
    }
}
