import NodeAPI
import WireCoding

/// A Node API call as its request was read (``NodeAPICallMiddleware``): the operation, the face that reads its
/// request and writes its reply, and the credentials it carries, handed down the layers below in the context.
struct NodeAPICall: Sendable {
    /// The face a call came by, each concrete, so that the generic decode and encode are specialised for it.
    enum Face: Sendable {
        case json(JSONFace)
        case soap(SOAPFace)
    }

    var operation: NodeAPIOperation
    var face: Face
    /// From the SOAP envelope's `<username>` and `<password>`, else the `Authorization: Basic` header.
    var username: String?
    var password: String?

    var format: WireFormat {
        switch face {
        case .json: .json
        case .soap: .soap
        }
    }

    /// A reply through the call's face.
    func reply<Payload: Codable & Sendable & Hashable>(_ reply: NodeAPIReply<Payload>) -> WireResponse {
        switch face {
        case .json(let face): face.reply(reply)
        case .soap(let face): face.reply(reply)
        }
    }
}
