/// One of the three providers the mocks stand for, as the admin API and a scenario name them.
public enum MockProvider: String, Sendable, CaseIterable, Codable {
    case nodeAPI = "node-api", iys, euromsg
}
