/// The Node API's two faces: JSON endpoints, and SOAP 1.1 at `POST /soap`.
public enum WireFace: String, Sendable, Hashable, CaseIterable, Codable {
    case json, soap
}
