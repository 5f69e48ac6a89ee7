import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MockProviders
import NIOCore
import NIOEmbedded
import Synchronization

/// A mock's router answering one request at a time in process and synchronously: libFuzzer calls a plain C function
/// per input, and the whole route runs (body collection, authentication, decoding, the simulation, encoding, journal).
public final class InProcessRouter: Sendable {
    private let responder: @Sendable (Request, MockRequestContext) async throws -> Response
    private let logger: Logger

    public convenience init(_ router: Router<MockRequestContext>) { self.init(responder: router.buildResponder()) }

    /// Any responder: a port's, which serves its worlds too.
    public init<Responder: HTTPResponder>(responder: Responder) where Responder.Context == MockRequestContext {
        self.responder = { try await responder.respond(to: $0, context: $1) }
        var logger = Logger(label: "fuzz")
        logger.logLevel = .critical
        self.logger = logger
    }

    /// A reply as the client sees it.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: HTTPFields
        public var body: [UInt8]

        /// A string field of a JSON object body (a token), or nil.
        public func jsonString(_ name: String) -> String? {
            (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])?[name] as? String
        }
    }

    public func respond(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: [UInt8]) -> Reply {
        let responder = responder
        let logger = logger
        var fields = headers
        fields[.contentLength] = String(body.count)
        let head = HTTPRequest(method: method, scheme: "http", authority: "localhost", path: path, headerFields: fields)
        let channel = sharedChannel
        return Blocking.run {
            let request = Request(head: head, body: RequestBody(buffer: ByteBuffer(bytes: body)))
            let context = MockRequestContext(source: ApplicationRequestContextSource(channel: channel, logger: logger))
            let response: Response
            do {
                response = try await responder(request, context)
            } catch {
                // What Hummingbird's server makes of an error thrown out of the router.
                response = Response(status: (error as? any HTTPResponseError)?.status ?? .internalServerError)
            }
            let collector = BodyCollector()
            try? await response.body.write(collector)
            return Reply(status: response.status.code, headers: response.headers, body: collector.sink.bytes.withLock { $0 })
        }
    }
}

/// The channel every request's context names, one for the process: a channel and its pipeline refer to each other
/// until it is closed, so one per request or per router would leak.
private let sharedChannel = EmbeddedChannel()

/// Collects a response body.
private struct BodyCollector: ResponseBodyWriter {
    final class Sink: Sendable {
        let bytes = Mutex<[UInt8]>([])
    }

    let sink = Sink()

    mutating func write(_ buffer: ByteBuffer) async throws {
        sink.bytes.withLock { $0 += buffer.readableBytesView }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

/// Runs async work from a synchronous caller and waits for it.
public enum Blocking {
    public static func run<Value: Sendable>(_ body: @escaping @Sendable () async -> Value) -> Value {
        let result = Mutex<Value?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await body()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        guard let value = result.withLock({ $0 }) else { fatalError("the task ended without a value") }
        return value
    }
}
