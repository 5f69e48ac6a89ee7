import Hummingbird
import MockSimulations
import NodeAPI

/// Decode, run the transition, encode: the route of every Node API operation, whichever face it came by. The
/// operation's request type comes from ``NodeAPIOperation``'s table; decoding does not validate,
/// ``NodeAPISimulation`` does, once. An error is thrown, and answered by the pipeline through the same face.
struct NodeAPIDispatcher: Sendable {
    let simulation: NodeAPISimulation

    func respond(to call: NodeAPICall, as user: String) throws(NodeAPIError) -> WireResponse {
        guard let type = call.operation.transitionType else { throw NodeAPIError(.internalServer, detail: "\(call.operation.path) has no rule") }
        switch call.face {
        case .json(let face): return try run(type, face, as: user)
        case .soap(let face): return try run(type, face, as: user)
        }
    }

    private func run<Request: NodeAPITransition>(_ type: Request.Type, _ face: some NodeAPIFace, as user: String) throws(NodeAPIError) -> WireResponse {
        face.reply(NodeAPIReply.success(try simulation.respond(to: try face.request(type), as: user)))
    }
}
