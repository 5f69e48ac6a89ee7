import Foundation
import LibXML
import WireCoding

/// Credentials taken out of what the mocks show and keep: the journal (`GET /__admin/requests`) and the proxy's
/// recordings. Redaction reads each part as its receiver would, never as text, so that no spelling gets a secret past
/// it: a SOAP body through libxml2 (a password split by a comment, a processing instruction or CDATA is one element's
/// content), a JSON body through ``JSONOutline`` (`"pass\u0077ord"` is `password`), a form or query string by its
/// percent-decoded names. What is redacted becomes ``redacted``; every other byte stays as it was sent.
///
/// A body that is none of those (not well formed) and still names a credential or holds an escape (`\u`, `&#`, `%`,
/// `<?`, `<!`) cannot be read reliably, so it is replaced whole.
package enum CredentialRedaction {
    static let redacted = "REDACTED"

    /// Header fields that carry a credential, lowercased.
    static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "apikey", "api-key", "x-auth-token", "token",
    ]

    /// Element, field and parameter names that carry a credential, lowercased: SOAP's `<username>` and `<password>`,
    /// İYS's token request and reply (`access_token`), Euromsg's `password`, `tokenValue` and API key.
    static let secretNames: Set<String> = [
        "username", "password", "apikey", "api_key", "secret", "client_secret", "token", "access_token", "refresh_token", "tokenvalue",
    ]

    /// A header's value as shown: a secret's scheme is kept (`Basic REDACTED`), so a reader still sees how the client
    /// authenticated.
    package static func header(name: String, value: String) -> String {
        guard secretHeaders.contains(name.lowercased()) else { return value }
        let scheme = value.split(separator: " ", maxSplits: 1).first.map(String.init)
        if let scheme, value.contains(" ") { return "\(scheme) \(redacted)" }
        return redacted
    }

    /// A query string (without `?`) with the values of secret parameters redacted.
    package static func query(_ query: String) -> String {
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> Substring in
            guard let equals = pair.firstIndex(of: "="), isSecret(formName: pair[..<equals]) else { return pair }
            return pair[...equals] + redacted
        }
        return pairs.joined(separator: "&")
    }

    /// The body with every credential redacted.
    package static func body(_ body: [UInt8]) -> [UInt8] {
        guard let first = body.first(where: { !JSONWhitespace.contains($0) }) else { return body }
        if let outline = JSONOutline(body) {
            return replacing(outline.members.filter { secretNames.contains($0.key.lowercased()) }.map(\.value), in: body, with: "\"\(redacted)\"")
        }
        if first == UInt8(ascii: "<"), let ranges = (try? XMLDocumentParser.contentRanges(of: secretNames, in: body)).flatMap({ $0 }) {
            return replacing(ranges, in: body, with: redacted)
        }
        if let text = String(validating: body, as: UTF8.self), isForm(text) {
            return Array(query(text).utf8)
        }
        return isUnsafe(body) ? Array(redacted.utf8) : body
    }

    private static let JSONWhitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]

    private static func replacing(_ ranges: [Range<Int>], in bytes: [UInt8], with replacement: String) -> [UInt8] {
        ranges.isEmpty ? bytes : MarkupScanner.replacing(ranges, in: bytes, with: Array(replacement.utf8))
    }

    /// `name=value&…` with nothing that a form would not hold.
    private static func isForm(_ text: String) -> Bool {
        text.contains("=") && !text.utf8.contains { $0 <= 0x20 || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "\"") }
    }

    private static func isSecret(formName: Substring) -> Bool {
        let name = formName.replacingOccurrences(of: "+", with: " ")
        let decoded = name.removingPercentEncoding ?? name
        // PHP's `auth[password]=` and `auth.password=`.
        let last = decoded.split(whereSeparator: { $0 == "[" || $0 == "]" || $0 == "." }).last.map(String.init) ?? decoded
        return secretNames.contains(last.lowercased())
    }

    /// Whether unreadable bytes may hide a credential: a secret name in any case, or an escape that could spell one.
    private static func isUnsafe(_ body: [UInt8]) -> Bool {
        let lowered = String(decoding: body, as: UTF8.self).lowercased()
        return secretNames.contains { lowered.contains($0) } || ["\\u", "&#", "%", "<?", "<!"].contains { lowered.contains($0) }
    }
}
