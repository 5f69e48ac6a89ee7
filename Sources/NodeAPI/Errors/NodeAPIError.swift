/// The Node API's `err` object: `{"status": 417, "code": "ERR_USER_CREDIT_REQUIRED", "message": "…"}`.
///
/// It is both the wire value and the Swift error every side throws, so a validation failure in the
/// model is exactly what the mock answers and what a client reports.
public struct NodeAPIError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The HTTP status the error travels with (`err.status`).
    public var status: Int
    /// The wire name (`err.code`), for example `ERR_SMS_PKG_NOT_FOUND`.
    public var code: String
    /// A human-readable message; for validation errors it names the offending field.
    public var message: String

    public init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The catalogue's error with its Turkish message, optionally followed by a detail that names the field.
    public init(_ code: ErrorCode, detail: String? = nil) {
        let entry = code.entry
        self.init(status: entry.status, code: entry.name, message: detail.map { "\(entry.message) (\($0))" } ?? entry.message)
    }

    /// The catalogue entry this error belongs to, when its code is a known one.
    public var errorCode: ErrorCode? { ErrorCode(wireName: code) }

    /// An invalid field: `ERR_INVALID_PARAM` with a message naming it.
    public static func invalid(_ field: String, _ problem: String) -> NodeAPIError {
        NodeAPIError(.invalidParam, detail: "\(field): \(problem)")
    }

    public var description: String { "\(code) (\(status)): \(message)" }

    private enum CodingKeys: String, CodingKey { case status, code, message }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decodeLenientInt(forKey: .status) ?? 0
        code = try container.decodeIfPresent(String.self, forKey: .code) ?? ""
        message = try container.decodeIfPresent(String.self, forKey: .message) ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
    }
}
