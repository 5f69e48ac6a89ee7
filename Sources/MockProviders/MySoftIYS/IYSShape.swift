import Hummingbird
import MySoftIYS
import WireCoding

/// MySoft İYS's shape of what goes wrong: the `{succeed: false, message, errorCode}` envelope with the code's status;
/// an unreadable or too large body is `HM422`. A user whose scenario says `dialect: http200` gets every failure with
/// HTTP 200, as some MySoft accounts do.
struct IYSShape: ProviderShape {
    let routes: IYSRoutes

    var provider: ProviderMocks.Provider { .iys }

    func reply(to error: any Error, request: Request, context: MockRequestContext) -> WireResponse {
        switch error {
        case let error as IYSError: Self.failure(error)
        case let error as BodyReader.Failure: Self.failure(IYSError(.HM422, error.message))
        default: Self.failure(IYSError(.HM400, String(describing: error)))
        }
    }

    func reply(toFault code: String, detail: String, request: Request, context: MockRequestContext) -> WireResponse {
        Self.failure(IYSError(IYSErrorCode(rawValue: code) ?? .HM400, detail))
    }

    func settle(_ response: inout Response, context: MockRequestContext) {
        if let caller = context.caller, response.status != .ok, routes.serving(context).simulation.answersFailuresWith200(caller) { response.status = .ok }
    }

    static func failure(_ error: IYSError) -> WireResponse {
        .json(HTTPResponse.Status(code: error.code.httpStatus), (try? IYSJSON.encode(IYSResult<Bool>.failure(error))) ?? [])
    }

    /// 401 in the envelope, without an `errorCode` (the document's codes are for requests that got in).
    static let unauthorized = WireResponse.json(
        .unauthorized,
        (try? IYSJSON.encode(IYSResult<Bool>(succeed: false, data: nil, message: "Authorization has been denied for this request: the bearer token is missing, unknown or expired."))) ?? []
    )
}

/// The shape of `POST /oauth/token`'s failures: OAuth's `{error, error_description}` with 400 (RFC 6749 §5.2); a
/// fault's catalogue error is İYS's envelope, as on every other call.
struct IYSTokenShape: ProviderShape {
    var provider: ProviderMocks.Provider { .iys }

    func reply(to error: any Error, request: Request, context: MockRequestContext) -> WireResponse {
        switch error {
        case let error as OAuthError: Self.failure(error)
        case let error as BodyReader.Failure: Self.failure(OAuthError(error: "invalid_request", errorDescription: error.message))
        default: Self.failure(OAuthError(error: "invalid_request", errorDescription: String(describing: error)))
        }
    }

    func reply(toFault code: String, detail: String, request: Request, context: MockRequestContext) -> WireResponse {
        IYSShape.failure(IYSError(IYSErrorCode(rawValue: code) ?? .HM400, detail))
    }

    static func failure(_ error: OAuthError) -> WireResponse { .json(.badRequest, (try? IYSJSON.encode(error)) ?? []) }
}
