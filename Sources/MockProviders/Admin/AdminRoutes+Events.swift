import Foundation
import Hummingbird
import MockAdmin
import MockSimulations
import NIOCore
import ServiceLifecycle
import WireCoding

/// `GET /__admin/events`: Server-Sent Events of what happens in the mocks (packages stored, calls answered, callback
/// attempts, clock moves, resets), for the inbox page and for tests. `?types=package,callback` keeps those alone. Each
/// event is `event: <type>` and `data: <JSON>`; the stream ends at the server's graceful shutdown.
extension AdminRoutes {
    func registerEvents<Context: RequestContext>(on router: Router<Context>) {
        router.on(.events) { request, _ in
            let wanted = request.firstQueryValues["types"].map { Set($0.split(separator: ",").map(String.init)) }
            if let wanted, let unknown = wanted.first(where: { !MockEvents.Event.types.contains($0) }) {
                return Self.failure(AdminModels.Failure(400, "'\(unknown)' is not an event type (\(MockEvents.Event.types.joined(separator: ", ")))", field: "types")).response
            }
            guard let subscription = mocks.events.subscribe() else {
                return Self.failure(AdminModels.Failure(503, "\(MockEvents.maxSubscribers) waits and event streams are open already")).response
            }
            let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                let interval = heartbeat
                let beating = Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: interval)
                        subscription.beat()
                    }
                }
                // A client gone ends the stream at once, not at the next heartbeat's failed write.
                let watching = Task {
                    await HangUps.shared.waitForHangUp(of: request)
                    subscription.end()
                }
                // However the stream ends (shutdown, a client gone), its place is freed.
                defer {
                    beating.cancel()
                    watching.cancel()
                    subscription.end()
                }
                // A comment first, so that the client sees the stream open before the first event.
                try await writer.write(ByteBuffer(string: ": provider-mock events\n\n"))
                try await withGracefulShutdownHandler {
                    var sequence = 0
                    for await event in subscription.events {
                        if case .heartbeat = event {
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                            continue
                        }
                        guard wanted?.contains(event.type) ?? true else { continue }
                        sequence += 1
                        try await writer.write(ByteBuffer(bytes: Self.serverSentEvent(event, id: sequence)))
                    }
                } onGracefulShutdown: {
                    subscription.end()
                }
                try await writer.finish(nil)
            })
        }
    }

    /// `id: n`, `event: type`, `data: JSON`, and the blank line that ends it.
    static func serverSentEvent(_ event: MockEvents.Event, id: Int) -> [UInt8] {
        let json = (try? WireJSON.encoder().encode(event)) ?? Data("{}".utf8)
        return Array("id: \(id)\nevent: \(event.type)\ndata: ".utf8) + json + Array("\n\n".utf8)
    }
}
