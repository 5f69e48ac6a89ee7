/// How a reseller of the Node API differs on the wire from the document, per account (scenario `dialect`), so that a
/// test reaches the mock as its production code reaches that reseller. Each dialect is here for evidence:
/// - `document` (the default): an error travels with its own HTTP status (`err.status`), as the document says.
/// - `nac`: every error is HTTP 200 with the document's `err`, as the NAC reseller answers; its public client (nac-sms)
///   reads `err` only from a 2xx reply, so with a 4xx it loses every code.
package enum NodeAPIDialect: String, Sendable, Hashable, CaseIterable {
    case document
    case nac

    /// Whether errors are answered with HTTP 200.
    package var errorsAsHTTP200: Bool { self == .nac }
}
