import NodeAPI
import WireCoding

/// A Node API call as its request was read (``NodeAPICallMiddleware``): the operation, the face that reads its
/// request and writes its reply, and the credentials it carries. Noted in the request's ``Exchange``, so that every
/// layer above answers an error in the call's own shape (a SOAP `<err>` in the operation's reply element).
struct NodeAPICall: Sendable {
    var operation: NodeAPIOperation
    var face: any NodeAPIFace
    var format: WireFormat
    /// From the SOAP envelope's `<username>` and `<password>`, else the `Authorization: Basic` header.
    var username: String?
    var password: String?
}
