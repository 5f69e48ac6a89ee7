import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import NIOHTTPTypes
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bounds every mock's server keeps on its connections, so that half-sent requests and idle connections cannot
/// use up the process's file descriptors (`serve --header-timeout --idle-timeout --body-timeout --max-connections`).
public struct ConnectionLimits: Sendable, Hashable {
    /// From connecting, or from the end of the previous reply, to the end of the next request's head; the connection
    /// is closed beyond (a half-sent head, or a keep-alive connection left idle).
    public var headerTimeout: Duration
    /// Without a request part read or a reply written while a request is in progress (a stalled body).
    public var idleTimeout: Duration
    /// From a request's head to the end of its body, however the body trickles in: the idle timeout counts from each
    /// part, so a body sent a byte every 59 seconds would otherwise hold its connection for days.
    public var bodyTimeout: Duration
    /// Connections open at once per server; beyond, a connection's request is answered 503 in the provider's shape
    /// and the connection closed (within a second if it sends nothing).
    public var maxConnections: Int

    public init(
        headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60), bodyTimeout: Duration = .seconds(60), maxConnections: Int = 4096
    ) {
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
        self.maxConnections = maxConnections
    }

    /// The HTTP/1 server of another of the toolkit's servers (the proxy) with these limits, refusing beyond
    /// ``maxConnections`` with `status` and `body`.
    package func server(refusing status: HTTPResponse.Status, contentType: String, body: [UInt8]) -> HTTPServerBuilder {
        server(refusal: WireResponse(status: status, contentType: contentType, bytes: body))
    }

    /// The HTTP/1 server of a mock with these limits; `refusal` is the provider's answer beyond ``maxConnections``.
    func server(refusal: WireResponse) -> HTTPServerBuilder {
        let gate = ConnectionGate(limits: self, refusal: refusal)
        return .http1(configuration: .init(
            additionalChannelHandlers: [ConnectionGuardHandler(gate: gate)],
            idleTimeout: TimeAmount(idleTimeout)
        ))
    }
}

/// A server's count of open connections, shared by their handlers.
final class ConnectionGate: Sendable {
    let limits: ConnectionLimits
    let refusal: WireResponse
    private let open = Mutex(0)

    init(limits: ConnectionLimits, refusal: WireResponse) {
        self.limits = limits
        self.refusal = refusal
    }

    /// Counts a new connection; false when it is one too many (it is counted all the same, until it closes).
    func admit() -> Bool {
        open.withLock { count in
            count += 1
            return count <= limits.maxConnections
        }
    }

    func release() { open.withLock { $0 -= 1 } }

    var openConnections: Int { open.withLock { $0 } }
}

/// One connection's guard, after the HTTP decoder: the header and body timeouts, and the refusal of a connection beyond
/// the limit.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let gate: ConnectionGate
    private var counted = false
    private var admitted = true
    private var refused = false
    /// A fault asked for the connection to be reset: nothing more is written.
    private var closing = false
    /// Requests whose head was read and whose reply has not ended (more than one when a client pipelines).
    private var inProgress = 0
    /// When the connection is closed unless something moves it: the next head's (after a reply, or at the start), or
    /// the body's end (from a head until its end); nil while a request is being answered.
    private var deadline: NIODeadline?
    /// The one timer that checks ``deadline``, and when it fires. Moving the deadline later schedules nothing: the
    /// timer, on firing, schedules itself again for the deadline then. A request thus costs no timer of its own, where
    /// one scheduled and cancelled per head and per reply cost a few microseconds each.
    private var timer: Scheduled<Void>?
    private var timerFiresAt: NIODeadline?
    /// This connection's id in ``HangUps``, handed to each request, and as its header's value.
    private var connection: Int?
    private var connectionText: String?

    init(gate: ConnectionGate) { self.gate = gate }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { stop() }

    /// The connection is gone (or this guard is): no timer, and it no longer counts.
    private func stop() {
        if let connection { HangUps.shared.hangUp(connection) }
        connection = nil
        deadline = nil
        timer?.cancel()
        timer = nil
        timerFiresAt = nil
        if counted {
            counted = false
            gate.release()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if refused { return }
        let part = unwrapInboundIn(data)
        switch part {
        case .head(var head):
            inProgress += 1
            if !admitted {
                refuse(context)
                return
            }
            move(deadline: .now() + TimeAmount(gate.limits.bodyTimeout), context)
            if Self.expectsContinue(head) { context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil) }
            head.headerFields[HangUps.header] = connectionText
            context.fireChannelRead(wrapInboundOut(.head(head)))
            return
        case .end:
            move(deadline: nil, context)
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    /// The client closed or shut its sending side (the server allows half-closed connections): requests that wait on
    /// something else are told (``HangUps``), and a connection with no request in progress is closed at once.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            if let connection { HangUps.shared.hangUp(connection) }
            connection = nil
            if inProgress == 0 {
                context.close(promise: nil)
                return
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// `Expect: 100-continue`: the client waits for `100 Continue` before it sends the body, as curl (and so PHP's
    /// clients) does for bodies over 1 MB. Node.js servers, the provider's included, answer it at once; a server that
    /// does not costs each such request curl's one-second wait.
    static func expectsContinue(_ head: HTTPRequest) -> Bool {
        guard let value = head.headerFields[.expect] else { return false }
        return value.utf8.count == 12 && value.lowercased() == "100-continue"
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if closing {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        // A fault's reset or empty reply: nothing of this reply is sent, and the connection closes; a reset with SO_LINGER 0,
        // so that the client reads RST ("connection reset by peer") rather than an orderly end.
        if case .head(let head) = unwrapOutboundIn(data), let how = head.headerFields[.mockClose] {
            closing = true
            promise?.fail(ChannelError.ioOnClosedChannel)
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            guard how == "reset", let socket = context.channel as? any SocketOptionProvider else {
                context.close(promise: nil)
                return
            }
            socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in bound.value.close(promise: nil) }
            return
        }
        // The last reply is over: the next request's head is due within the header timeout.
        if case .end = unwrapOutboundIn(data) {
            inProgress = max(inProgress - 1, 0)
            if inProgress == 0 { move(deadline: .now() + TimeAmount(gate.limits.headerTimeout), context) }
        }
        context.write(data, promise: promise)
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !counted else { return }
        counted = true
        connection = HangUps.shared.open()
        connectionText = connection.map(String.init)
        admitted = gate.admit()
        // A connection beyond the limit is answered at its first request; one that sends nothing goes within a second.
        move(deadline: .now() + TimeAmount(admitted ? gate.limits.headerTimeout : .seconds(1)), context)
    }

    private func refuse(_ context: ChannelHandlerContext) {
        refused = true
        var fields = HTTPFields()
        fields[.contentType] = gate.refusal.contentType
        fields[.contentLength] = String(gate.refusal.bytes.count)
        fields[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: gate.refusal.status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: gate.refusal.bytes))), promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }

    /// Sets the deadline; a timer is scheduled only when none will fire before it.
    private func move(deadline: NIODeadline?, _ context: ChannelHandlerContext) {
        self.deadline = deadline
        guard let deadline else { return }
        if let firesAt = timerFiresAt, firesAt <= deadline { return }
        timer?.cancel()
        schedule(at: deadline, context)
    }

    private func schedule(at time: NIODeadline, _ context: ChannelHandlerContext) {
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timerFiresAt = time
        timer = context.eventLoop.scheduleTask(deadline: time) {
            let (handler, context) = bound.value
            handler.fire(context)
        }
    }

    /// The timer: closes the connection when its deadline has passed, else waits for the deadline as it is now.
    private func fire(_ context: ChannelHandlerContext) {
        timer = nil
        timerFiresAt = nil
        guard let deadline else { return }
        if deadline <= .now() {
            context.close(promise: nil)
        } else {
            schedule(at: deadline, context)
        }
    }
}
