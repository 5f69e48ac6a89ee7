import AsyncHTTPClient
import DequeModule
import Foundation
import HeapModule
import Logging
import MockSimulations
import NIOCore
import ServiceLifecycle
import WireCoding

/// Outbound webhooks of the mocks (delivery reports, İYS consent changes): JSON POSTs with retries whose backoff runs
/// on the mock's clock, so tests retry by advancing the clock, never by sleeping.
///
/// Each receiver (scheme, host and port of the URL) has its own queue and at most ``maxInFlightPerReceiver`` attempts
/// in flight; different receivers are served concurrently, so a receiver that hangs delays only its own deliveries.
/// With one attempt in flight (the default) a receiver gets its deliveries in the order they were queued, retries
/// aside. Queues are bounded per receiver (``capacity``) and in bytes overall (``maxQueuedBytes``): every delivery
/// dropped or given up is logged and counted.
///
/// Request handling only enqueues. `serve` runs the dispatcher as a `Service` (``run()``); a test calls ``drain()``.
package actor CallbackDispatcher: Service {
    typealias Delivery = CallbackQueue.Delivery

    /// What became of the deliveries so far.
    package typealias Counters = CallbackQueue.Counters

    /// Attempts kept for `GET /__admin/callbacks`, the newest; older ones are forgotten.
    package static let attemptLogSize = 1000

    /// The queues, slots, budget and counters: every rule of the dispatcher, as a value.
    private var queue: CallbackQueue
    private let clock: any MockClock
    private let timeout: TimeAmount
    private let logger: Logger
    /// Sends a delivery and answers the receiver's status or the error: HTTP by default, anything in a test.
    private let transport: Transport
    /// Drains waiting for attempts they did not start.
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    /// The last ``attemptLogSize`` attempts, oldest first.
    private var log: Deque<CallbackAttempt> = []
    private let events: MockEvents?
    /// Ends the service's sleep when a delivery is queued.
    private let wake = BackgroundWake()
    /// Where deliveries may go: the mocks' own listeners never, and the scenario's allow-list.
    package nonisolated let targets: CallbackTargets

    package typealias Transport = @Sendable (_ url: String, _ body: [UInt8], _ timeout: TimeAmount, _ loopMarker: String) async -> (status: Int?, error: String?)

    package init(
        clock: any MockClock, targets: CallbackTargets = CallbackTargets(), capacity: Int = 10_000, maxQueuedBytes: Int = 64 << 20, maxInFlightPerReceiver: Int = 1,
        backoff: [Duration] = [.seconds(1), .seconds(5), .seconds(30)], timeout: TimeAmount = .seconds(5),
        logger: Logger = Logger(label: "provider-mock.callbacks"), events: MockEvents? = nil, transport: Transport? = nil
    ) {
        self.events = events
        self.targets = targets
        self.clock = clock
        queue = CallbackQueue(
            capacity: capacity, maxQueuedBytes: maxQueuedBytes, maxInFlightPerReceiver: maxInFlightPerReceiver,
            backoff: backoff.map(\.wholeMilliseconds)
        )
        self.timeout = timeout
        self.logger = logger
        self.transport = transport ?? Self.send
    }

    package var counters: Counters { queue.counters }
    package var delivered: Int { queue.counters.delivered }
    package var failed: Int { queue.counters.failed }
    package var dropped: Int { queue.counters.dropped }
    package var capacity: Int { queue.capacity }
    /// Drains waiting for attempts they did not start (for tests).
    package var waitingDrains: Int { idleWaiters.count }

    /// Deliveries waiting, in all queues.
    package var pending: Int { queue.pending }

    /// Forgets every delivery waiting and the attempt log (the admin API's reset); attempts under way finish.
    package func removeAll() {
        queue.removeAll()
        log.removeAll()
    }

    /// The attempts kept, newest first.
    package func attempts() -> [CallbackAttempt] { log.reversed() }

    /// Queues a JSON POST of `body` to `url`.
    package func enqueue(url: String, body: [UInt8]) {
        if let loss = queue.enqueue(url: url, body: body, at: clock.now()) { logger.warning("callback dropped", metadata: ["url": "\(loss.url)", "reason": "\(loss.reason)"]) }
        wake.now()
    }

    /// Sends every delivery that is due, concurrently across receivers, and returns when those attempts are over, and
    /// any the service (``run()``) had started: what was due has then been sent (a failed one waits for its next backoff,
    /// or is given up). An attempt ends within the timeout, so a receiver that hangs holds a drain that long at most.
    package func drain() async {
        while true {
            await withTaskGroup(of: Void.self) { group in
                for (key, delivery) in queue.takeDue(at: clock.now()) { group.addTask { await self.attempt(delivery, receiver: key) } }
                while await group.next() != nil {
                    for (key, delivery) in queue.takeDue(at: clock.now()) { group.addTask { await self.attempt(delivery, receiver: key) } }
                }
            }
            guard queue.inFlight > 0 else { return }
            await withCheckedContinuation { idleWaiters.append($0) }
        }
    }

    /// The dispatcher as a background service: attempts start as they come due, until graceful shutdown. Between turns
    /// it sleeps until the next retry falls due on the mock's clock, or a delivery is queued (``BackgroundWake``): an
    /// idle world's callbacks cost nothing. A receiver's next delivery starts as its previous attempt ends.
    package func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                while !Task.isCancelled {
                    self.wake.turnBegins()
                    for (key, delivery) in await self.takeDue() { group.addTask { await self.attempt(delivery, receiver: key) } }
                    await self.wake.sleep(until: await self.nextDue(), clock: self.clock)
                }
            }
        }
    }

    private func takeDue() -> [(receiver: String, delivery: Delivery)] { queue.takeDue(at: clock.now()) }
    private func nextDue() -> Int64? { queue.nextDue(at: clock.now()) }

    /// Sends a delivery, then the receiver's next due ones in the same slot, one after another: a receiver's queue drains
    /// at the speed it answers, not one delivery per turn of the service.
    private nonisolated func attempt(_ delivery: Delivery, receiver key: String) async {
        var next: Delivery? = delivery
        while let current = next {
            let startedAt = clock.now()
            let start = ContinuousClock.now
            let result: (status: Int?, error: String?, refused: Bool)
            if let reason = await targets.refusal(of: current.url) {
                result = (nil, "refused: \(reason)", true)
            } else {
                let sent = await transport(current.url, current.body, timeout, targets.loopMarker)
                result = (sent.status, sent.error, false)
            }
            let elapsed = (ContinuousClock.now - start).components
            let sent = CallbackQueue.Sent(
                status: result.status, error: result.error, refused: result.refused, at: startedAt,
                durationMs: Int(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000)
            )
            next = await finish(current, receiver: key, sent)
        }
    }

    /// The queue's account of an attempt, logged and published; the receiver's next due delivery.
    private func finish(_ delivery: Delivery, receiver key: String, _ sent: CallbackQueue.Sent) -> Delivery? {
        let finished = queue.finish(delivery, receiver: key, sent, at: clock.now())
        if let loss = finished.loss {
            logger.warning("callback \(finished.attempt.outcome.rawValue)", metadata: ["url": "\(loss.url)", "reason": "\(loss.reason)"])
        }
        if log.count >= Self.attemptLogSize { log.removeFirst() }
        log.append(finished.attempt)
        events?.publish(.callback(finished.attempt))
        if finished.attempt.outcome == .retrying { wake.now() }
        if queue.inFlight == 0, !idleWaiters.isEmpty {
            for waiter in idleWaiters { waiter.resume() }
            idleWaiters.removeAll()
        }
        return finished.next
    }

    /// The client of every delivery: it follows no redirect (a receiver that answers 307 to the admin API gets the
    /// redirect logged as its status, nothing more). Never shut down: it lives as long as the process, like
    /// `HTTPClient.shared`.
    private static let client = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow)
    )

    @Sendable private static func send(url: String, body: [UInt8], timeout: TimeAmount, loopMarker: String) async -> (status: Int?, error: String?) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "provider-mock")
        request.headers.add(name: CallbackTargets.loopHeader, value: loopMarker)
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: timeout)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return (Int(response.status.code), nil)
        } catch {
            return (nil, String(describing: error))
        }
    }
}
