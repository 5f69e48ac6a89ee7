import Foundation

/// JSON coder set-up shared by every codec and mock: keys sorted and slashes unescaped, so that the same value always
/// gives the same bytes.
public enum WireJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
