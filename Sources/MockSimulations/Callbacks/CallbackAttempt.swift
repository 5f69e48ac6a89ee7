/// One attempt at a delivery of ``CallbackDispatcher`` (a delivery report or an İYS webhook), as
/// `GET /__admin/callbacks` lists it and `GET /__admin/events` sends it.
public struct CallbackAttempt: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case delivered, retrying
        case givenUp = "given-up"
        /// Its retry found no room in the queues.
        case dropped
        /// Not sent: its URL is one of the mocks' own listeners, or off the scenario's `callbacks.allowedHosts`.
        case refused
    }

    /// The delivery's id, shared by its retries, and this attempt's number (1 for the first).
    public var delivery: Int
    public var attempt: Int
    public var url: String
    /// The JSON body as text, cut at the journal's 16 KiB.
    public var payload: String
    /// When it started on the mock's clock (ISO 8601), and how long it took on the wall clock.
    public var at: String
    public var durationMs: Int
    /// The receiver's status, or why there was none (refused, timed out).
    public var status: Int?
    public var error: String?
    public var outcome: Outcome
    /// When the next attempt is due on the mock's clock, and how many retries are left after it.
    public var nextAttemptAt: String?
    public var retriesLeft: Int
}
