import Hummingbird
import NodeAPI

/// Decode, run the transition, encode: the whole of a Node API route, whichever face it came by. The operation's
/// request type comes from ``NodeAPIOperation``'s table; decoding does not validate, ``NodeAPISimulation`` does, once.
struct NodeAPIDispatcher: Sendable {
    let simulation: NodeAPISimulation

    func respond(to operation: NodeAPIOperation, user: String, face: some NodeAPIFace) -> WireResponse {
        guard let type = operation.transitionType else {
            return face.reply(NodeAPIReply<StatusReply>.failure(NodeAPIError(.internalServer, detail: "\(operation.path) has no rule")))
        }
        return run(type, user: user, face: face)
    }

    private func run<Request: NodeAPITransition>(_ type: Request.Type, user: String, face: some NodeAPIFace) -> WireResponse {
        do throws(NodeAPIError) {
            let request = try face.request(type)
            return face.reply(NodeAPIReply.success(try simulation.respond(to: request, as: user)))
        } catch {
            return face.reply(NodeAPIReply<Request.Reply>.failure(error))
        }
    }
}
