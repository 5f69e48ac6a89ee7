@_spi(MockInternals) @testable import MockSimulations
import Testing

/// Issue 26: the callback queue's rules as a value, without a socket or a sleep: per-receiver order and slots, the
/// backoff on the mock's clock, giving up, the drop policy, the byte budget, and the instant the dispatcher sleeps to.
@Suite struct CallbackQueueTests {
    let now: Int64 = 1_741_590_000_000

    func queue(capacity: Int = 10, bytes: Int = 1 << 20, slots: Int = 1) -> CallbackQueue {
        CallbackQueue(capacity: capacity, maxQueuedBytes: bytes, maxInFlightPerReceiver: slots, backoff: [1_000, 5_000])
    }

    func sent(_ status: Int?, at: Int64, refused: Bool = false) -> CallbackQueue.Sent {
        CallbackQueue.Sent(status: status, error: status == nil ? "timed out" : nil, refused: refused, at: at, durationMs: 1)
    }

    @Test func aReceiverGetsItsDeliveriesInOrderOneAtATimeAndOthersAtOnce() {
        var queue = queue()
        for n in 0..<3 { #expect(queue.enqueue(url: "http://a.test/hook", body: [UInt8(n)], at: now) == nil) }
        _ = queue.enqueue(url: "http://b.test/hook", body: [9], at: now)
        #expect(queue.nextDue(at: now) == now)
        let first = queue.takeDue(at: now)
        #expect(first.map(\.delivery.body).sorted { $0[0] < $1[0] } == [[0], [9]])
        #expect(queue.inFlight == 2 && queue.pending == 2)
        // a.test's slot is taken: nothing of it is due until its attempt ends, which hands over the next one.
        #expect(queue.takeDue(at: now).isEmpty)
        #expect(queue.nextDue(at: now) == nil)
        let a = first.first { $0.receiver.hasPrefix("http://a.test") }!
        let finished = queue.finish(a.delivery, receiver: a.receiver, sent(200, at: now), at: now)
        #expect(finished.attempt.outcome == .delivered && finished.next?.body == [1])
        #expect(queue.counters.delivered == 1)
    }

    @Test func aFailedDeliveryIsRetriedOnTheBackoffThenGivenUp() {
        var queue = queue()
        _ = queue.enqueue(url: "http://a.test/hook", body: [1], at: now)
        let (key, delivery) = queue.takeDue(at: now)[0]
        let retrying = queue.finish(delivery, receiver: key, sent(500, at: now), at: now)
        #expect(retrying.attempt.outcome == .retrying && retrying.attempt.retriesLeft == 1 && retrying.next == nil)
        #expect(retrying.attempt.nextAttemptAt == ISOTime.string(now + 1_000))
        // The dispatcher sleeps to the retry's instant; before it nothing is due.
        #expect(queue.nextDue(at: now) == now + 1_000)
        #expect(queue.takeDue(at: now + 999).isEmpty)
        let (_, again) = queue.takeDue(at: now + 1_000)[0]
        #expect(again.attempts == 1 && again.id == delivery.id)
        let second = queue.finish(again, receiver: key, sent(nil, at: now + 1_000), at: now + 1_000)
        #expect(second.attempt.nextAttemptAt == ISOTime.string(now + 6_000))
        let (_, last) = queue.takeDue(at: now + 6_000)[0]
        let givenUp = queue.finish(last, receiver: key, sent(503, at: now + 6_000), at: now + 6_000)
        #expect(givenUp.attempt.outcome == .givenUp && givenUp.loss != nil)
        #expect(queue.counters.failed == 1 && queue.counters.attempts == 3 && queue.isIdle)
    }

    @Test func aRefusedTargetIsNeverRetried() {
        var queue = queue()
        _ = queue.enqueue(url: "http://127.0.0.1:9580/__admin/reset", body: [], at: now)
        let (key, delivery) = queue.takeDue(at: now)[0]
        let refused = queue.finish(delivery, receiver: key, sent(nil, at: now, refused: true), at: now)
        #expect(refused.attempt.outcome == .refused && queue.counters.refused == 1 && queue.isIdle)
    }

    @Test func fullQueuesDropTheOldestAndTheBudgetDropsTheNew() {
        var queue = queue(capacity: 2, bytes: 10)
        _ = queue.enqueue(url: "http://a.test/1", body: [1], at: now)
        _ = queue.enqueue(url: "http://a.test/2", body: [2], at: now)
        let loss = queue.enqueue(url: "http://a.test/3", body: [3], at: now)
        #expect(loss?.url == "http://a.test/1" && queue.pending == 2 && queue.counters.dropped == 1)
        #expect(queue.enqueue(url: "http://b.test/big", body: Array(repeating: 0, count: 9), at: now)?.url == "http://b.test/big")
        #expect(queue.counters.dropped == 2)
        // What is taken leaves the budget; what is forgotten too.
        _ = queue.takeDue(at: now)
        #expect(queue.enqueue(url: "http://b.test/big", body: Array(repeating: 0, count: 9), at: now) == nil)
        queue.removeAll()
        #expect(queue.pending == 0 && queue.enqueue(url: "http://c.test/", body: Array(repeating: 0, count: 10), at: now) == nil)
    }
}
