import HTTPTypes
import Hummingbird
import MockSimulations
import WireCoding

extension Fault {
    /// What a call the fault answers gets, once the fault's wait is over.
    enum Outcome: Sendable {
        /// The call runs (a `delay`).
        case proceed
        /// The provider answers this catalogue code in its own shape.
        case error(String)
        /// This reply instead of the call's (`malformed`), or none: `empty`, `reset` and `timeout` close the connection.
        case reply(WireResponse)
    }

    /// Waits what the fault asks (bounded by ``maxDelayMs``; a shutdown cuts it short), then the call's outcome. A
    /// client that hangs up meanwhile ends the wait: the call does not run, and its connection is closed at once.
    func outcome(_ format: WireFormat, of request: Hummingbird.Request) async -> Outcome {
        if wait > 0 {
            let hungUp = await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(min(wait, Self.maxDelayMs)))
                    return false
                }
                group.addTask {
                    await HangUps.shared.waitForHangUp(of: request)
                    return !Task.isCancelled
                }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
            if hungUp {
                var reply = WireResponse(status: .ok, contentType: "", bytes: [])
                reply.closesConnection = .close
                reply.warnings = ["fault \(id): the client hung up during the wait; the call did not run"]
                return .reply(reply)
            }
        }
        if let error { return .error(error) }
        switch fault {
        case .delay, nil: return .proceed
        case .malformed: return .reply(malformed(format))
        case .empty, .reset, .timeout:
            var reply = WireResponse(status: .ok, contentType: "", bytes: [])
            reply.closesConnection = fault == .empty ? .close : .reset
            reply.warnings = ["fault \(id): the connection was \(fault == .empty ? "closed" : "reset") without a reply"]
            return .reply(reply)
        }
    }

    /// A 200 whose body stops mid-way: JSON with an open string, or a SOAP envelope never closed.
    private func malformed(_ format: WireFormat) -> WireResponse {
        switch format {
        case .json:
            return .json(.ok, Array(#"{"fault":"\#(id)","data":{"cut here"#.utf8))
        case .soap:
            let text = #"<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><!-- cut by fault \#(id) -->"#
            return WireResponse(status: .ok, contentType: "text/xml; charset=utf-8", bytes: Array(text.utf8))
        }
    }
}
