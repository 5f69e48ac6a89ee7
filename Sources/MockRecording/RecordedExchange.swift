import Foundation

/// One exchange with a provider, as `provider-mock proxy --record DIR` writes it and `serve --replay DIR` answers it:
/// a JSON file per exchange (`0001-sms-create.json`), readable and editable by hand. Credentials never reach the file:
/// the `Authorization` header, cookies and API keys, SOAP's `<username>` and `<password>`, JSON fields and query
/// parameters of those names are replaced by ``redacted`` before it is written (``CredentialRedaction``).
public struct RecordedExchange: Sendable, Hashable, Codable {
    public struct Header: Sendable, Hashable, Codable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A body as text when it is UTF-8 (JSON, XML), else in base64.
    public struct Body: Sendable, Hashable, Codable {
        public var text: String?
        public var base64: String?

        public init(_ bytes: [UInt8]) {
            if let text = String(validating: bytes, as: UTF8.self) { self.text = text } else { base64 = Data(bytes).base64EncodedString() }
        }

        public var bytes: [UInt8] {
            if let text { return Array(text.utf8) }
            return base64.flatMap { Data(base64Encoded: $0) }.map(Array.init) ?? []
        }
    }

    public struct RecordedRequest: Sendable, Hashable, Codable {
        public var method: String
        public var path: String
        public var query: String?
        public var headers: [Header]
        public var body: Body
    }

    public struct RecordedReply: Sendable, Hashable, Codable {
        public var status: Int
        public var headers: [Header]
        public var body: Body
    }

    /// When it was recorded (ISO 8601, UTC) and where it was sent.
    public var recordedAt: String
    public var upstream: String
    public var durationMs: Int
    /// What the proxy found different from the document, in the request and in the reply.
    public var conformance: [String]
    public var request: RecordedRequest
    public var reply: RecordedReply

    /// What stands in for a credential.
    public static let redacted = CredentialRedaction.redacted

    /// The exchange with its credentials redacted.
    public init(
        recordedAt: String, upstream: String, durationMs: Int, conformance: [String], method: String, path: String, query: String?,
        requestHeaders: [(String, String)], requestBody: [UInt8], status: Int, replyHeaders: [(String, String)], replyBody: [UInt8]
    ) {
        self.recordedAt = recordedAt
        self.upstream = upstream
        self.durationMs = durationMs
        self.conformance = conformance
        request = RecordedRequest(
            method: method, path: path, query: query.map(CredentialRedaction.query), headers: Self.redacting(requestHeaders),
            body: Body(Self.redacting(body: requestBody))
        )
        reply = RecordedReply(status: status, headers: Self.redacting(replyHeaders), body: Body(replyBody))
    }

    /// The first value of a header, by name in any case.
    package func header(_ name: String, in headers: [Header]) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    // MARK: Redaction

    /// The body with its credentials redacted (``CredentialRedaction``): what a recording keeps and replay matches.
    public static func redacting(body: [UInt8]) -> [UInt8] {
        CredentialRedaction.body(body)
    }

    static func redacting(_ headers: [(String, String)]) -> [Header] {
        headers.map { Header(name: $0, value: CredentialRedaction.header(name: $0, value: $1)) }
    }

    // MARK: Files

    /// The file name of the `sequence`-th exchange: `0007-sms-create.json`, `0008-soap-sendSms.json`.
    public static func fileName(sequence: Int, method: String, path: String, soapAction: String?) -> String {
        let words = (path.split(separator: "/") + (soapAction.map { [Substring($0)] } ?? []))
            .map { $0.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }.filter { !$0.isEmpty }
        let operation = words.joined(separator: "-")
        let number = String(sequence)
        let padded = String(repeating: "0", count: max(0, 4 - number.count)) + number
        return padded + "-" + (operation.isEmpty ? method.lowercased().filter { $0.isASCII && $0.isLetter } : String(operation.prefix(80))) + ".json"
    }

    public func write(to directory: URL, name: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: directory.appendingPathComponent(name), options: .atomic)
    }
}
