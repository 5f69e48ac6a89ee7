import Hummingbird
import NIOCore

/// Reads a request's body for the three mocks, up to a limit: a declared `Content-Length` over the limit is refused
/// before a byte is read, and a body that grows past the limit as soon as it does. Each mock answers the two failures
/// in its own shape: only a body that is too large is a 413.
package enum BodyReader {
    package enum Failure: Error, Sendable {
        case tooLarge(limit: Int)
        /// The body could not be read (the connection closed half-way).
        case unreadable(String)

        package var message: String {
            switch self {
            case .tooLarge(let limit): "the body is larger than \(limit) bytes"
            case .unreadable(let reason): "the body could not be read: \(reason)"
            }
        }
    }

    package static func collect(_ request: Request, limit: Int) async throws(Failure) -> [UInt8] {
        if let declared = request.headers.value(of: .contentLength).flatMap({ Int($0) }), declared > limit { throw .tooLarge(limit: limit) }
        do {
            return Array(try await request.body.collect(upTo: limit).readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw .tooLarge(limit: limit)
        } catch is NIOTooManyBytesError {
            // A chunked body (no Content-Length) that grows past the limit.
            throw .tooLarge(limit: limit)
        } catch {
            throw .unreadable(String(describing: error))
        }
    }
}
