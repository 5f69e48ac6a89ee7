/// `errorCode` of a failed MySoft İYS reply (since 2.4).
public enum IYSErrorCode: String, IYSWireEnum {
    /// Transaction error: the request is understood but cannot be carried out.
    case HM400
    /// No record found.
    case HM404
    /// Data format or schema error; the message names the field.
    case HM422

    /// The HTTP status the mock answers with (the document gives none; see the README).
    public var httpStatus: Int {
        switch self {
        case .HM400: 400
        case .HM404: 404
        case .HM422: 422
        }
    }
}

/// A MySoft İYS failure: the `errorCode` and the `message` of a `succeed: false` reply.
public struct IYSError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: IYSErrorCode
    public var message: String

    public init(_ code: IYSErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `HM422` naming the field.
    public static func invalid(_ field: String, _ problem: String) -> IYSError { IYSError(.HM422, "\(field): \(problem)") }

    public var description: String { "\(code.rawValue): \(message)" }
}

/// The reply envelope of every `/api/IYSConsent/*` call: `QueryResultModel<T>` and `QueryResultList<T>`
/// (`T` an array), `{succeed, data, message, errorCode}`. All four keys are always written, `null` when empty,
/// as the document prints them.
public struct IYSResult<Payload: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var succeed: Bool
    public var data: Payload?
    public var message: String?
    public var errorCode: IYSErrorCode?

    public init(succeed: Bool, data: Payload?, message: String? = nil, errorCode: IYSErrorCode? = nil) {
        self.succeed = succeed
        self.data = data
        self.message = message
        self.errorCode = errorCode
    }

    public static func success(_ data: Payload) -> IYSResult { IYSResult(succeed: true, data: data) }
    /// A failure; `data` may still carry what the call refused (a batch's wrong records).
    public static func failure(_ error: IYSError, data: Payload? = nil) -> IYSResult {
        IYSResult(succeed: false, data: data, message: error.message, errorCode: error.code)
    }

    /// The data of a successful reply, or the error of a failed one.
    public func get() throws(IYSError) -> Payload {
        guard succeed, let data else { throw IYSError(errorCode ?? .HM400, message ?? "the call failed") }
        return data
    }

    enum CodingKeys: String, CodingKey { case succeed, data, message, errorCode }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        succeed = try container.decode(Bool.self, forKey: .succeed)
        data = try container.decodeIfPresent(Payload.self, forKey: .data)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        // Unknown codes from a newer service are kept out rather than failing the whole reply.
        errorCode = (try? container.decodeIfPresent(String.self, forKey: .errorCode)).flatMap { $0.flatMap(IYSErrorCode.init(rawValue:)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(succeed, forKey: .succeed)
        if let data { try container.encode(data, forKey: .data) } else { try container.encodeNil(forKey: .data) }
        if let message { try container.encode(message, forKey: .message) } else { try container.encodeNil(forKey: .message) }
        if let errorCode { try container.encode(errorCode, forKey: .errorCode) } else { try container.encodeNil(forKey: .errorCode) }
    }
}
