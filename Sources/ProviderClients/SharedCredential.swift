import Foundation
import WireCoding

/// A credential that a client's calls share: fetched once, reused until `margin` before it expires, and
/// while it is being fetched every caller waits for the one request in flight. The MySoft İYS token and the
/// Euromsg Express session (token plus identification) are both kept this way.
actor SharedCredential<Value: Sendable> {
    private var current: (value: Value, expiresAt: Date)?
    private var pending: Task<(value: Value, expiresAt: Date), any Error>?

    /// The credential, valid at `now` for at least `margin` more; `fetch` runs only when there is none.
    func value(at now: Date, margin: Duration, fetch: @escaping @Sendable () async throws -> (value: Value, expiresAt: Date)) async throws -> Value {
        if let current, now.addingTimeInterval(margin.inSeconds) < current.expiresAt { return current.value }
        let task: Task<(value: Value, expiresAt: Date), any Error>
        if let pending {
            task = pending
        } else {
            task = Task(operation: fetch)
            pending = task
        }
        defer { if pending == task { pending = nil } }
        let fresh = try await task.value
        current = fresh
        return fresh.value
    }

    /// Forgets the credential (the provider answered 401): the next call fetches a new one.
    func forget() { current = nil }
}
