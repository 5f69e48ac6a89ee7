import EuromsgExpress
import Hummingbird
import WireCoding

/// Euromsg Express's shape of what goes wrong: `{errorCode, message, field?}` with the code's status; a body too large
/// is `PAYLOAD_TOO_LARGE` (413), an unreadable one `VALIDATION_ERROR`.
struct ExpressShape: ProviderShape {
    var provider: ProviderMocks.Provider { .euromsg }

    func reply(to error: any Error, request: Request, context: MockRequestContext) -> WireResponse {
        switch error {
        case let error as ExpressError: Self.failure(error)
        case let error as BodyReader.Failure:
            if case .tooLarge = error { Self.failure(ExpressError(.tooLarge, error.message)) } else { Self.failure(ExpressError(.validation, error.message)) }
        default: Self.failure(ExpressError(.validation, String(describing: error)))
        }
    }

    func reply(toFault code: String, detail: String, request: Request, context: MockRequestContext) -> WireResponse {
        Self.failure(ExpressError(ExpressErrorCode(rawValue: code) ?? .unavailable, detail))
    }

    static func failure(_ error: ExpressError) -> WireResponse {
        .json(HTTPResponse.Status(code: error.errorCode.httpStatus), (try? ExpressJSON.encode(error)) ?? [])
    }
}
