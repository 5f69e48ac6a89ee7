import Foundation

/// Case-insensitive matching of Turkish text: with the Turkish locale `İ`/`i` and `I`/`ı` pair up
/// (`"İstanbul"` matches `"istanbul"`; the default locale would not).
enum TurkishText {
    static let locale = Locale(identifier: "tr_TR")

    static func folded(_ text: String) -> String { text.lowercased(with: locale) }

    static func equals(_ a: String, _ b: String) -> Bool { folded(a) == folded(b) }

    static func contains(_ text: String, _ keyword: String) -> Bool {
        text.range(of: keyword, options: [.caseInsensitive], locale: locale) != nil
    }
}
