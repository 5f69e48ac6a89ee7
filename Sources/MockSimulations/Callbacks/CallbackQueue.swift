import DequeModule
import Foundation
import HeapModule

/// The queue of outbound webhooks as a value (issue 26): each receiver's deliveries (fresh ones in order, retries by
/// the instant they fall due), its attempts in flight, the byte budget of all queues, the drop policy and what became of
/// each attempt. Its operations take the mock's now and return what happened; ``CallbackDispatcher`` does the I/O and
/// the waiting, so every rule here is tested without a socket or a sleep (`CallbackQueueTests`).
package struct CallbackQueue: Sendable {
    package struct Delivery: Sendable, Equatable {
        /// Shared by the delivery's attempts.
        var id: Int
        package var url: String
        package var body: [UInt8]
        var attempts: Int
        var notBefore: Int64
    }

    /// A delivery waiting for its retry, ordered by when it is due.
    private struct Retry: Comparable, Sendable {
        var delivery: Delivery
        var sequence: Int
        static func < (lhs: Retry, rhs: Retry) -> Bool { (lhs.delivery.notBefore, lhs.sequence) < (rhs.delivery.notBefore, rhs.sequence) }
        static func == (lhs: Retry, rhs: Retry) -> Bool { lhs.sequence == rhs.sequence }
    }

    private struct Receiver: Sendable {
        var fresh: Deque<Delivery> = []
        var retries = Heap<Retry>()
        var inFlight = 0
        var count: Int { fresh.count + retries.count }
    }

    /// What an attempt got: the receiver's status or the error, when it started on the mock's clock, how long it took.
    package struct Sent: Sendable {
        var status: Int?
        var error: String?
        /// Not sent: the target is not one callbacks may go to (``CallbackTargets``); never retried.
        var refused = false
        var at: Int64
        var durationMs: Int
        var succeeded: Bool { status.map { (200..<300).contains($0) } ?? false }

        package init(status: Int? = nil, error: String? = nil, refused: Bool = false, at: Int64, durationMs: Int) {
            self.status = status
            self.error = error
            self.refused = refused
            self.at = at
            self.durationMs = durationMs
        }
    }

    /// A delivery dropped, given up or refused: what the dispatcher logs.
    package struct Loss: Sendable, Equatable {
        package var url: String
        package var reason: String
    }

    /// Deliveries kept waiting per receiver at most; the receiver's oldest is dropped beyond.
    package let capacity: Int
    /// Bytes of bodies kept waiting in all; a new delivery is dropped beyond.
    let maxQueuedBytes: Int
    /// Attempts in flight per receiver at most.
    let maxInFlightPerReceiver: Int
    /// Delay before each retry, in milliseconds; its count is the number of retries.
    let backoff: [Int64]

    private var receivers: [String: Receiver] = [:]
    private var queuedBytes = 0
    private var sequence = 0
    private var deliveries = 0
    /// Attempts under way.
    package private(set) var inFlight = 0
    package private(set) var counters = Counters()

    package init(capacity: Int, maxQueuedBytes: Int, maxInFlightPerReceiver: Int, backoff: [Int64]) {
        self.capacity = max(capacity, 1)
        self.maxQueuedBytes = max(maxQueuedBytes, 1)
        self.maxInFlightPerReceiver = max(maxInFlightPerReceiver, 1)
        self.backoff = backoff
    }

    /// Deliveries waiting, in all queues.
    package var pending: Int { receivers.values.reduce(0) { $0 + $1.count } }
    var isIdle: Bool { receivers.isEmpty && inFlight == 0 }

    /// The soonest instant a waiting delivery may start: now for a fresh one, a retry's own instant; nil when nothing
    /// waits. A receiver whose slots are all taken starts its next one as an attempt ends, not at an instant.
    package func nextDue(at now: Int64) -> Int64? {
        var next: Int64?
        for receiver in receivers.values where receiver.inFlight < maxInFlightPerReceiver {
            let due = receiver.fresh.isEmpty ? receiver.retries.min?.delivery.notBefore : now
            if let due, due < next ?? Int64.max { next = due }
        }
        return next
    }

    /// Queues a JSON POST of `body` to `url`; what it cost, if anything: the new delivery, or the receiver's oldest.
    package mutating func enqueue(url: String, body: [UInt8], at now: Int64) -> Loss? {
        let key = Self.receiver(of: url)
        if queuedBytes + body.count > maxQueuedBytes {
            return drop(url: url, reason: "the queues hold \(queuedBytes) bytes, at most \(maxQueuedBytes)")
        }
        var loss: Loss?
        if let count = receivers[key]?.count, count >= capacity {
            guard let oldest = receivers[key]?.fresh.popFirst() else { return drop(url: url, reason: "the receiver's queue holds \(capacity) retries") }
            queuedBytes -= oldest.body.count
            loss = drop(url: oldest.url, reason: "the receiver's queue holds \(capacity) deliveries")
        }
        queuedBytes += body.count
        deliveries += 1
        receivers[key, default: Receiver()].fresh.append(Delivery(id: deliveries, url: url, body: body, attempts: 0, notBefore: now))
        return loss
    }

    /// The deliveries due at `now` that a free slot of their receiver may start; their slots are taken.
    package mutating func takeDue(at now: Int64) -> [(receiver: String, delivery: Delivery)] {
        var due: [(receiver: String, delivery: Delivery)] = []
        for key in receivers.keys {
            while let delivery = takeDue(for: key, at: now) { due.append((key, delivery)) }
        }
        return due
    }

    /// The receiver's next due delivery, if one of its slots is free (a retry due first, then the oldest fresh one).
    private mutating func takeDue(for key: String, at now: Int64) -> Delivery? {
        guard var receiver = receivers[key], receiver.inFlight < maxInFlightPerReceiver else { return nil }
        let delivery: Delivery
        if let retry = receiver.retries.min, retry.delivery.notBefore <= now {
            delivery = receiver.retries.removeMin().delivery
        } else if let fresh = receiver.fresh.popFirst() {
            delivery = fresh
        } else {
            return nil
        }
        queuedBytes -= delivery.body.count
        receiver.inFlight += 1
        inFlight += 1
        receivers[key] = receiver
        return delivery
    }

    /// What ``finish(_:receiver:_:at:)`` did: the attempt as the admin API lists it, the delivery lost if it was, and the
    /// receiver's next due delivery, which takes the slot at once.
    package struct Finished: Sendable {
        package var attempt: CallbackAttempt
        package var loss: Loss?
        package var next: Delivery?
    }

    /// Counts an attempt, schedules its retry on the backoff or gives it up, frees its slot, and takes the receiver's
    /// next due delivery.
    package mutating func finish(_ delivery: Delivery, receiver key: String, _ sent: Sent, at now: Int64) -> Finished {
        receivers[key]?.inFlight -= 1
        inFlight -= 1
        counters.attempts += 1
        var attempt = CallbackAttempt(
            delivery: delivery.id, attempt: delivery.attempts + 1, url: delivery.url, payload: String(decoding: KeptBody.kept(delivery.body), as: UTF8.self),
            at: ISOTime.string(sent.at), durationMs: sent.durationMs, status: sent.status, error: sent.error, outcome: .delivered, nextAttemptAt: nil,
            retriesLeft: 0
        )
        var loss: Loss?
        var delivery = delivery
        if sent.succeeded {
            counters.delivered += 1
        } else if sent.refused {
            counters.refused += 1
            attempt.outcome = .refused
            loss = Loss(url: delivery.url, reason: sent.error ?? "refused")
        } else if delivery.attempts >= backoff.count {
            counters.failed += 1
            attempt.outcome = .givenUp
            loss = Loss(url: delivery.url, reason: "given up after \(delivery.attempts + 1) attempts")
        } else {
            delivery.notBefore = now + backoff[delivery.attempts]
            delivery.attempts += 1
            if queuedBytes + delivery.body.count > maxQueuedBytes || (receivers[key]?.count ?? 0) >= capacity {
                attempt.outcome = .dropped
                loss = drop(url: delivery.url, reason: "no room left for its retry")
            } else {
                attempt.outcome = .retrying
                attempt.nextAttemptAt = ISOTime.string(delivery.notBefore)
                attempt.retriesLeft = backoff.count - delivery.attempts
                sequence += 1
                queuedBytes += delivery.body.count
                receivers[key, default: Receiver()].retries.insert(Retry(delivery: delivery, sequence: sequence))
            }
        }
        if let receiver = receivers[key], receiver.count == 0, receiver.inFlight == 0 {
            receivers[key] = nil
            return Finished(attempt: attempt, loss: loss, next: nil)
        }
        return Finished(attempt: attempt, loss: loss, next: takeDue(for: key, at: now))
    }

    /// Forgets every delivery waiting; attempts under way finish.
    package mutating func removeAll() {
        for key in receivers.keys {
            receivers[key]?.fresh.removeAll()
            receivers[key]?.retries = Heap()
            if receivers[key]?.inFlight == 0 { receivers[key] = nil }
        }
        queuedBytes = 0
    }

    private mutating func drop(url: String, reason: String) -> Loss {
        counters.dropped += 1
        return Loss(url: url, reason: reason)
    }

    /// Scheme, host and port: deliveries to one server share its queue and its attempts in flight.
    static func receiver(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        return "\(components.scheme ?? "")://\(host.lowercased()):\(components.port.map(String.init) ?? "")"
    }
}

extension CallbackQueue {
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
}
