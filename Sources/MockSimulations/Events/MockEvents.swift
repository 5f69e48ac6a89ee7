import Synchronization

/// What happens in the mocks, as it happens: for the admin API's long poll (`GET /__admin/sms/wait`) and its event
/// stream (`GET /__admin/events`). Publishing costs one atomic load while nobody listens. Each subscriber has its own
/// buffer of ``bufferSize`` events; one that falls further behind loses the oldest, so that a slow reader never holds
/// up the mocks.
package final class MockEvents: Sendable {
    package enum Event: Sendable, Hashable {
        /// A package was stored, or a round of a repeating package sent: its id, its owner, and how many numbers it went to.
        case package(pkgID: Int, user: String, recipients: Int)
        /// A call reached a mock and was answered (its journal entry).
        case request(provider: MockProvider, sequence: Int, method: String, path: String, status: Int, user: String?)
        /// A push callback or İYS webhook attempt ended (``CallbackDispatcher/Attempt``).
        case callback(CallbackAttempt)
        /// The clock moved (an advance, or a manual set): states that follow it may have changed.
        case clock(now: Int64)
        /// A reset of the providers named.
        case reset(providers: [String])
        /// Nothing happened for a while: to one subscriber only (``Subscription/beat()``), never published.
        case heartbeat
    }

    package static let bufferSize = 10_000
    /// Subscribers at most at once (event streams and long polls).
    package static let maxSubscribers = 256

    private let listeners = Atomic<Int>(0)
    private let subscribers = Mutex<(next: Int, continuations: [Int: AsyncStream<Event>.Continuation])>((0, [:]))

    package init() {}

    /// The events from now on, and the way to end them early (``end()``).
    package struct Subscription: Sendable {
        package let events: AsyncStream<Event>
        let continuation: AsyncStream<Event>.Continuation

        /// Ends the stream (a graceful shutdown, a client gone): the iteration finishes after the events already buffered,
        /// and the subscription's place is free.
        package func end() { continuation.finish() }

        /// A heartbeat to this subscriber alone: a stream writes something now and then, so that a client that went
        /// away is noticed (and its place freed) even while nothing happens.
        package func beat() { continuation.yield(.heartbeat) }
    }

    /// A stream of the events from now on; nil when ``maxSubscribers`` are listening. The stream ends when the task
    /// iterating it is cancelled, or at ``Subscription/end()``; its subscription with it.
    package func subscribe() -> Subscription? {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(Self.bufferSize))
        let id: Int? = subscribers.withLock { state in
            guard state.continuations.count < Self.maxSubscribers else { return nil }
            state.next += 1
            state.continuations[state.next] = continuation
            return state.next
        }
        guard let id else { return nil }
        listeners.add(1, ordering: .relaxed)
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            if self.subscribers.withLock({ $0.continuations.removeValue(forKey: id) }) != nil { self.listeners.subtract(1, ordering: .relaxed) }
        }
        return Subscription(events: stream, continuation: continuation)
    }

    package var subscriberCount: Int { listeners.load(ordering: .relaxed) }

    /// Hands `event` to every subscriber; it is not even built while nobody listens (every call of every mock publishes).
    package func publish(_ event: @autoclosure () -> Event) {
        guard listeners.load(ordering: .relaxed) > 0 else { return }
        let event = event()
        let continuations = subscribers.withLock { Array($0.continuations.values) }
        for continuation in continuations { continuation.yield(event) }
    }
}

extension MockEvents.Event: Encodable {
    /// The event's name on the stream, and its `type` in JSON.
    package var type: String {
        switch self {
        case .package: "package"
        case .request: "request"
        case .callback: "callback"
        case .clock: "clock"
        case .reset: "reset"
        case .heartbeat: "heartbeat"
        }
    }

    package static let types = ["package", "request", "callback", "clock", "reset"]

    private enum CodingKeys: String, CodingKey {
        case type, pkgID, user, recipients, provider, sequence, method, path, status, attempt, now, epochMillis, providers
    }

    /// `{"pkgID": 1042, "recipients": 2, "type": "package", "user": "admin"}`, and so on: flat, its `type` among the keys.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .package(let pkgID, let user, let recipients):
            try container.encode(pkgID, forKey: .pkgID)
            try container.encode(user, forKey: .user)
            try container.encode(recipients, forKey: .recipients)
        case .request(let provider, let sequence, let method, let path, let status, let user):
            try container.encode(provider, forKey: .provider)
            try container.encode(sequence, forKey: .sequence)
            try container.encode(method, forKey: .method)
            try container.encode(path, forKey: .path)
            try container.encode(status, forKey: .status)
            try container.encodeIfPresent(user, forKey: .user)
        case .callback(let attempt):
            try container.encode(attempt, forKey: .attempt)
        case .clock(let now):
            try container.encode(ISOTime.string(now), forKey: .now)
            try container.encode(now, forKey: .epochMillis)
        case .reset(let providers):
            try container.encode(providers, forKey: .providers)
        case .heartbeat:
            break
        }
    }
}
