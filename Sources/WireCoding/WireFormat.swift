/// The two wires the providers' APIs speak: JSON, and SOAP 1.1 envelopes (the Node API's `POST /soap`). The one choice
/// every layer makes of them: a client's transport, a conformance check's face, `convert`'s target, the body of a
/// mock's malformed fault.
public enum WireFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case json, soap
}
