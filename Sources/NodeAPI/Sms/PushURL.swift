/// The rule for `pushSettings.url`: an absolute `http` or `https` URL.
public enum PushURL {
    public static func check(_ url: String) throws(NodeAPIError) {
        try FieldRules.checkLength(url, "pushSettings.url", limit: FieldRules.urlLength)
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            throw .invalid("pushSettings.url", "must be an http or https URL")
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.isEmpty || host.contains(" ") { throw .invalid("pushSettings.url", "has no valid host") }
    }
}
