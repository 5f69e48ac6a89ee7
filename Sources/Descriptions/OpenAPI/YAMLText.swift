import Foundation

/// Text in the OpenAPI descriptions' YAML.
enum YAMLText {
    /// A scalar in double quotes: JSON's string form, which YAML reads as it is.
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
