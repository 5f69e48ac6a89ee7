/// `GET /health-check`: the gateway is up.
public struct HealthCheck: Codable, Sendable, Hashable {
    public var status: String
    public var time: ExpressDateTime

    public init(status: String = "Healthy", time: ExpressDateTime) {
        self.status = status
        self.time = time
    }
}
