import AsyncHTTPClient
import DequeModule
import Foundation
import HeapModule
import Logging
import NIOCore
import ServiceLifecycle

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
    struct Delivery: Sendable {
        /// Shared by the delivery's attempts.
        var id: Int
        var url: String
        var body: [UInt8]
        var attempts: Int
        var notBefore: Int64
    }

    /// A delivery waiting for its retry, ordered by when it is due.
    struct Retry: Comparable, Sendable {
        var delivery: Delivery
        var sequence: Int
        static func < (lhs: Retry, rhs: Retry) -> Bool { (lhs.delivery.notBefore, lhs.sequence) < (rhs.delivery.notBefore, rhs.sequence) }
        static func == (lhs: Retry, rhs: Retry) -> Bool { lhs.sequence == rhs.sequence }
    }

    struct Receiver {
        var fresh: Deque<Delivery> = []
        var retries = Heap<Retry>()
        var inFlight = 0
        var count: Int { fresh.count + retries.count }
    }

    /// What became of the deliveries so far.
    package struct Counters: Sendable, Hashable {
        package var delivered = 0
        /// Given up after the last retry.
        package var failed = 0
        /// Dropped unsent because a queue was full.
        package var dropped = 0
        /// Not sent to a target callbacks may not go to (the mocks' own listeners, a host off the allow-list).
        package var refused = 0
        /// Attempts made, successful or not.
        package var attempts = 0
    }

    /// Attempts kept for `GET /__admin/callbacks`, the newest; older ones are forgotten.
    package static let attemptLogSize = 1000

    /// Deliveries kept waiting per receiver at most; the receiver's oldest is dropped beyond.
    package let capacity: Int
    /// Bytes of bodies kept waiting in all; a new delivery is dropped beyond.
    package let maxQueuedBytes: Int
    /// Attempts in flight per receiver at most.
    package let maxInFlightPerReceiver: Int
    /// Delay before each retry; its count is the number of retries.
    package let backoff: [Duration]
    /// How often the service looks for deliveries that were queued or fell due; an attempt that ends starts its
    /// receiver's next due delivery at once, without waiting for this.
    package let pollInterval: Duration
    private let clock: any MockClock
    private let timeout: TimeAmount
    private let logger: Logger
    private var receivers: [String: Receiver] = [:]
    private var queuedBytes = 0
    private var sequence = 0
    private var deliveries = 0
    /// Attempts under way, whoever started them (``run()`` or ``drain()``), and the drains waiting for them to end.
    private var attemptsInFlight = 0
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    package private(set) var counters = Counters()
    /// The last ``attemptLogSize`` attempts, oldest first.
    private var log: Deque<CallbackAttempt> = []
    private let events: MockEvents?
    /// Where deliveries may go: the mocks' own listeners never, and the scenario's allow-list.
    package nonisolated let targets: CallbackTargets

    package init(
        clock: any MockClock, targets: CallbackTargets = CallbackTargets(), capacity: Int = 10_000, maxQueuedBytes: Int = 64 << 20, maxInFlightPerReceiver: Int = 1,
        backoff: [Duration] = [.seconds(1), .seconds(5), .seconds(30)], timeout: TimeAmount = .seconds(5),
        pollInterval: Duration = .milliseconds(100), logger: Logger = Logger(label: "provider-mock.callbacks"), events: MockEvents? = nil
    ) {
        self.events = events
        self.targets = targets
        self.pollInterval = pollInterval
        self.clock = clock
        self.capacity = max(capacity, 1)
        self.maxQueuedBytes = max(maxQueuedBytes, 1)
        self.maxInFlightPerReceiver = max(maxInFlightPerReceiver, 1)
        self.backoff = backoff
        self.timeout = timeout
        self.logger = logger
    }

    package var delivered: Int { counters.delivered }
    package var failed: Int { counters.failed }
    package var dropped: Int { counters.dropped }
    /// Drains waiting for attempts they did not start (for tests).
    package var waitingDrains: Int { idleWaiters.count }

    /// Deliveries waiting, in all queues.
    package var pending: Int { receivers.values.reduce(0) { $0 + $1.count } }

    /// Forgets every delivery waiting and the attempt log (the admin API's reset); attempts under way finish.
    package func removeAll() {
        receivers.removeAll()
        queuedBytes = 0
        log.removeAll()
    }

    /// The attempts kept, newest first.
    package func attempts() -> [CallbackAttempt] { log.reversed() }

    /// Queues a JSON POST of `body` to `url`.
    package func enqueue(url: String, body: [UInt8]) {
        let key = Self.receiver(of: url)
        if queuedBytes + body.count > maxQueuedBytes {
            drop(url: url, reason: "the queues hold \(queuedBytes) bytes, at most \(maxQueuedBytes)")
            return
        }
        if let count = receivers[key]?.count, count >= capacity {
            guard let oldest = receivers[key]?.fresh.popFirst() else {
                drop(url: url, reason: "the receiver's queue holds \(capacity) retries")
                return
            }
            queuedBytes -= oldest.body.count
            drop(url: oldest.url, reason: "the receiver's queue holds \(capacity) deliveries")
        }
        queuedBytes += body.count
        deliveries += 1
        receivers[key, default: Receiver()].fresh.append(Delivery(id: deliveries, url: url, body: body, attempts: 0, notBefore: clock.now()))
        wakeService()
    }

    /// ``run()``, waiting while no receiver has anything queued: woken by the next ``enqueue(url:body:)``, or cancelled.
    private var sleeper: CheckedContinuation<Void, Never>?

    private func wakeService() {
        sleeper?.resume()
        sleeper = nil
    }

    /// Returns at once while anything is queued or in flight; otherwise when something is queued, or the task is cancelled.
    private func waitForWork() async {
        guard receivers.isEmpty, attemptsInFlight == 0, !Task.isCancelled else { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Cancelled before it slept: the handler found no sleeper to wake.
                if Task.isCancelled { continuation.resume() } else { sleeper = continuation }
            }
        } onCancel: {
            Task { await self.wakeService() }
        }
    }

    /// Sends every delivery that is due, concurrently across receivers, and returns when those attempts are over, and
    /// any the service (``run()``) had started: what was due has then been sent (a failed one waits for its next backoff,
    /// or is given up). An attempt ends within the timeout, so a receiver that hangs holds a drain that long at most.
    package func drain() async {
        while true {
            await withTaskGroup(of: Void.self) { group in
                for (key, delivery) in takeDue() { group.addTask { await self.attempt(delivery, receiver: key) } }
                while await group.next() != nil {
                    for (key, delivery) in takeDue() { group.addTask { await self.attempt(delivery, receiver: key) } }
                }
            }
            guard attemptsInFlight > 0 else { return }
            await withCheckedContinuation { idleWaiters.append($0) }
        }
    }

    /// The dispatcher as a background service: attempts start as they come due, until graceful shutdown.
    package func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                while !Task.isCancelled {
                    for (key, delivery) in await self.takeDue() { group.addTask { await self.attempt(delivery, receiver: key) } }
                    // Nothing queued: no turn until something is (a shared mock's thousand idle worlds cost nothing).
                    await self.waitForWork()
                    try? await Task.sleep(for: self.pollInterval)
                }
            }
        }
    }

    /// The deliveries due now that a free slot of their receiver may start; their slots are taken.
    private func takeDue() -> [(String, Delivery)] {
        var due: [(String, Delivery)] = []
        for key in receivers.keys {
            while let delivery = takeDue(for: key) { due.append((key, delivery)) }
        }
        return due
    }

    /// The receiver's next due delivery, if one of its slots is free; the slot is taken.
    private func takeDue(for key: String) -> Delivery? {
        guard var receiver = receivers[key], receiver.inFlight < maxInFlightPerReceiver else { return nil }
        let delivery: Delivery
        if let retry = receiver.retries.min, retry.delivery.notBefore <= clock.now() {
            delivery = receiver.retries.removeMin().delivery
        } else if let fresh = receiver.fresh.popFirst() {
            delivery = fresh
        } else {
            return nil
        }
        queuedBytes -= delivery.body.count
        receiver.inFlight += 1
        attemptsInFlight += 1
        receivers[key] = receiver
        return delivery
    }

    /// Sends a delivery, then the receiver's next due ones in the same slot, one after another: a receiver's queue drains
    /// at the speed it answers, not one delivery per poll of the service.
    private nonisolated func attempt(_ delivery: Delivery, receiver key: String) async {
        var next: Delivery? = delivery
        while let current = next {
            let startedAt = clock.now()
            let start = ContinuousClock.now
            let result: (status: Int?, error: String?, refused: Bool)
            if let reason = await targets.refusal(of: current.url) {
                result = (nil, "refused: \(reason)", true)
            } else {
                let sent = await Self.send(current, timeout: timeout, loopMarker: targets.loopMarker)
                result = (sent.status, sent.error, false)
            }
            let elapsed = (ContinuousClock.now - start).components
            let sent = Sent(status: result.status, error: result.error, refused: result.refused, at: startedAt, durationMs: Int(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000))
            next = await finish(current, receiver: key, sent)
        }
    }

    /// What an attempt got: the receiver's status or the error, when it started on the mock's clock, how long it took.
    struct Sent: Sendable {
        var status: Int?
        var error: String?
        /// Not sent: the target is not one callbacks may go to (``CallbackTargets``); never retried.
        var refused = false
        var at: Int64
        var durationMs: Int
        var succeeded: Bool { status.map { (200..<300).contains($0) } ?? false }
    }

    /// Counts an attempt, schedules its retry or gives it up, logs it, frees its slot, and takes the receiver's next due
    /// delivery.
    private func finish(_ delivery: Delivery, receiver key: String, _ sent: Sent) -> Delivery? {
        receivers[key]?.inFlight -= 1
        attemptsInFlight -= 1
        defer {
            if attemptsInFlight == 0, !idleWaiters.isEmpty {
                for waiter in idleWaiters { waiter.resume() }
                idleWaiters.removeAll()
            }
        }
        counters.attempts += 1
        var attempt = CallbackAttempt(
            delivery: delivery.id, attempt: delivery.attempts + 1, url: delivery.url, payload: String(decoding: RequestJournal.kept(delivery.body), as: UTF8.self),
            at: ISOTime.string(sent.at), durationMs: sent.durationMs, status: sent.status, error: sent.error, outcome: .delivered, nextAttemptAt: nil,
            retriesLeft: 0
        )
        var delivery = delivery
        if sent.succeeded {
            counters.delivered += 1
        } else if sent.refused {
            counters.refused += 1
            attempt.outcome = .refused
            logger.warning("callback refused", metadata: ["url": "\(delivery.url)", "reason": "\(sent.error ?? "")"])
        } else if delivery.attempts >= backoff.count {
            counters.failed += 1
            attempt.outcome = .givenUp
            logger.warning("callback given up", metadata: ["url": "\(delivery.url)", "attempts": "\(delivery.attempts + 1)"])
        } else {
            let wait = backoff[delivery.attempts]
            delivery.attempts += 1
            delivery.notBefore = clock.now() + wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000
            if queuedBytes + delivery.body.count > maxQueuedBytes || (receivers[key]?.count ?? 0) >= capacity {
                attempt.outcome = .dropped
                drop(url: delivery.url, reason: "no room left for its retry")
            } else {
                attempt.outcome = .retrying
                attempt.nextAttemptAt = ISOTime.string(delivery.notBefore)
                attempt.retriesLeft = backoff.count - delivery.attempts
                sequence += 1
                queuedBytes += delivery.body.count
                receivers[key, default: Receiver()].retries.insert(Retry(delivery: delivery, sequence: sequence))
            }
        }
        if log.count >= Self.attemptLogSize { log.removeFirst() }
        log.append(attempt)
        events?.publish(.callback(attempt))
        if let receiver = receivers[key], receiver.count == 0, receiver.inFlight == 0 {
            receivers[key] = nil
            return nil
        }
        return takeDue(for: key)
    }

    private func drop(url: String, reason: String) {
        counters.dropped += 1
        logger.warning("callback dropped", metadata: ["url": "\(url)", "reason": "\(reason)"])
    }

    /// Scheme, host and port: deliveries to one server share its queue and its attempts in flight.
    static func receiver(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        return "\(components.scheme ?? "")://\(host.lowercased()):\(components.port.map(String.init) ?? "")"
    }

    /// The client of every delivery: it follows no redirect (a receiver that answers 307 to the admin API gets the
    /// redirect logged as its status, nothing more). Never shut down: it lives as long as the process, like
    /// `HTTPClient.shared`.
    private static let client = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow)
    )

    private static func send(_ delivery: Delivery, timeout: TimeAmount, loopMarker: String) async -> (status: Int?, error: String?) {
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "provider-mock")
        request.headers.add(name: CallbackTargets.loopHeader, value: loopMarker)
        request.body = .bytes(ByteBuffer(bytes: delivery.body))
        do {
            let response = try await client.execute(request, timeout: timeout)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return (Int(response.status.code), nil)
        } catch {
            return (nil, String(describing: error))
        }
    }
}
