import HTTPTypes
import Hummingbird
import Synchronization

/// Which clients have hung up, for the requests that wait on something other than their client: a long poll
/// (`/__admin/sms/wait`), an event stream, a fault's `delay` or `timeout`. Such a request notices a client gone only
/// when it next writes, so 256 long polls whose clients closed at once held every wait's place for two minutes, and a
/// delayed call held its connection (and the mock's connection count) for the whole delay.
///
/// Each connection of a mock's server gets an id from ``ConnectionGuardHandler``, which passes it to the request in
/// ``header`` (replacing any the client sent) and signals here when the client closes or shuts its sending side; HTTP
/// clients do neither while they wait for a reply. A request without the header (a router in a test) never hangs up.
package final class HangUps: Sendable {
    package static let shared = HangUps()

    /// Between ``ConnectionGuardHandler`` and the routes only; the journal leaves it out.
    package static let header = HTTPField.Name("X-Provider-Mock-Connection")!

    private struct State {
        var nextConnection = 0
        var nextWaiter = 0
        /// Open connections, and the requests of each waiting for its client to hang up.
        var open: [Int: [Int: CheckedContinuation<Void, Never>]] = [:]
    }

    private let state = Mutex(State())

    /// A new connection's id.
    func open() -> Int {
        state.withLock { state in
            state.nextConnection += 1
            state.open[state.nextConnection] = [:]
            return state.nextConnection
        }
    }

    /// The client of connection `id` is gone: its waiting requests go on, and later ones do not wait.
    func hangUp(_ id: Int) {
        let waiters = state.withLock { $0.open.removeValue(forKey: id) } ?? [:]
        for waiter in waiters.values { waiter.resume() }
    }

    /// Returns when the client that sent `request` hangs up (at once if it has), or when the calling task is
    /// cancelled; never for a request that came through no guarded connection, until cancelled.
    package func waitForHangUp(of request: Request) async {
        // Connection 0 holds the waiters of requests that came through no guard: nothing hangs it up.
        let connection = request.headers.value(of: Self.header).flatMap { Int($0) }.map { max($0, 1) } ?? 0
        let waiter = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Checked under the lock that the cancellation handler takes: a cancellation either finds this waiter
                // registered, or came first and is seen here.
                let resumeNow = state.withLock { state -> Bool in
                    if Task.isCancelled || (connection != 0 && state.open[connection] == nil) { return true }
                    state.open[connection, default: [:]][waiter] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.open[connection]?.removeValue(forKey: waiter) }?.resume()
        }
    }

    /// Connections open (for tests).
    package var openConnections: Int { state.withLock { $0.open.keys.filter { $0 != 0 }.count } }
}
