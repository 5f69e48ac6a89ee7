import AsyncHTTPClient
import Foundation
import NIOCore

/// Outbound webhooks of the mocks: a bounded queue of JSON POSTs, delivered by ``drain()`` with retries
/// whose backoff runs on the mock's clock, so tests retry by advancing the clock, never by sleeping.
/// Request handling only enqueues; a background loop (or a test) drains.
public actor CallbackDispatcher {
    struct Delivery {
        var url: String
        var body: [UInt8]
        var attempts: Int
        var notBefore: Int64
    }

    /// Deliveries kept waiting at most; the oldest is dropped beyond.
    public let capacity: Int
    /// Delay before each retry; its count is the number of retries.
    public let backoff: [Duration]
    private let clock: any MockClock
    private let timeout: TimeAmount
    private var queue: [Delivery] = []

    public private(set) var delivered = 0
    /// Deliveries given up after the last retry.
    public private(set) var failed = 0
    /// Deliveries dropped because the queue was full.
    public private(set) var dropped = 0

    public init(clock: any MockClock, capacity: Int = 10_000, backoff: [Duration] = [.seconds(1), .seconds(5), .seconds(30)], timeout: TimeAmount = .seconds(5)) {
        self.clock = clock
        self.capacity = max(capacity, 1)
        self.backoff = backoff
        self.timeout = timeout
    }

    public var pending: Int { queue.count }

    /// Queues a JSON POST of `body` to `url`.
    public func enqueue(url: String, body: [UInt8]) {
        if queue.count >= capacity {
            queue.removeFirst()
            dropped += 1
        }
        queue.append(Delivery(url: url, body: body, attempts: 0, notBefore: clock.now()))
    }

    /// Sends every delivery that is due; a failed one waits for its next backoff, or is given up.
    public func drain() async {
        let now = clock.now()
        let due = queue.filter { $0.notBefore <= now }
        queue.removeAll { $0.notBefore <= now }
        for var delivery in due {
            if await send(delivery) {
                delivered += 1
                continue
            }
            delivery.attempts += 1
            if delivery.attempts > backoff.count {
                failed += 1
            } else {
                let wait = backoff[delivery.attempts - 1]
                delivery.notBefore = clock.now() + wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000
                if queue.count >= capacity { dropped += 1 } else { queue.append(delivery) }
            }
        }
    }

    private func send(_ delivery: Delivery) async -> Bool {
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "provider-mock")
        request.body = .bytes(ByteBuffer(bytes: delivery.body))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: timeout)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return (200..<300).contains(Int(response.status.code))
        } catch {
            return false
        }
    }
}
