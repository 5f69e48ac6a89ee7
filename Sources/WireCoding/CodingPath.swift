/// A coding path as error messages name the field: `numbers[1].nr`, `consentData.recipient`; empty at the root. The one
/// rendering of the Node API, MySoft İYS, Euromsg Express and connector configuration errors. A list position is `[1]`
/// whether the decoder names it `1` or, as Foundation's `JSONDecoder` does, `Index 1`; a map key that reads as a number
/// stays a key.
public enum CodingPath {
    public static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue == String(index) || key.stringValue == "Index \(index)" {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text
    }
}
