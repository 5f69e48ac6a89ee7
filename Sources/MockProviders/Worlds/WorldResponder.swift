import EuromsgExpress
import Foundation
import HTTPTypes
import Hummingbird
import MySoftIYS
import NodeAPI

/// The responder of one of `serve`'s ports: a request that names a world (the path prefix `/worlds/ID/…`, or the header
/// `X-Mock-World: ID`) goes to that world's responder, its path without the prefix; any other goes to the default
/// world's, as before worlds existed. An unknown world is answered in the port's own shape (`unknownWorld`).
///
/// On the admin port, `/__admin/worlds/ID/…` is the world's admin API (`/__admin/…`), which takes the world's token or
/// the server's `--admin-token`, even on a server started without one.
struct WorldResponder: HTTPResponder {
    typealias Context = MockRequestContext

    let face: WorldFace
    let worlds: MockWorlds
    let fallback: RouterResponder<MockRequestContext>
    /// The server's `--admin-token`, which opens every world's admin routes too.
    var serverToken: String?
    /// The port's reply to a request for a world that does not exist.
    let unknownWorld: @Sendable (_ id: String) -> WireResponse

    func respond(to request: Request, context: MockRequestContext) async throws -> Response {
        var request = request
        if request.headers[.mockPathPrefix] != nil {
            // Only the mock writes it, for the world's WSDL.
            var head = request.head
            head.headerFields[.mockPathPrefix] = nil
            request = Request(head: head, body: request.body)
        }
        if face == .admin { return try await admin(request, context: context) }
        let path = request.uri.path
        if let (id, rest) = Self.prefixed(path, under: "/worlds/") {
            guard let world = worlds.world(id) else { return unknownWorld(id).response }
            return try await world.responder(for: face).respond(to: Self.rewrite(request, path: rest, prefix: "/worlds/\(id)"), context: context)
        }
        if let id = request.headers[.mockWorld] {
            guard let world = worlds.world(id) else { return unknownWorld(id).response }
            return try await world.responder(for: face).respond(to: request, context: context)
        }
        let (found, forwarded) = await mintedWorld(request)
        if let found { return try await found.responder(for: face).respond(to: forwarded, context: context) }
        return try await fallback.respond(to: forwarded, context: context)
    }

    /// The world a request's minted credentials were made for (``WorldLogins``): a Node API login in its Basic header or
    /// its SOAP envelope, an İYS or Euromsg bearer token issued to one, an İYS or Euromsg token request with one. The
    /// request comes back whole, its body read when it had to be looked into.
    private func mintedWorld(_ request: Request) async -> (MockWorld?, Request) {
        if let header = request.headers[.authorization] {
            if let login = BasicCredentials.of(header)?.username, let world = worlds.world(ofLogin: login) { return (world, request) }
            if let token = BearerToken.of(request), let world = worlds.world(ofToken: token) { return (world, request) }
        }
        guard request.method == .post, worlds.count > 0 else { return (nil, request) }
        let login: (_ body: [UInt8]) -> String?
        switch face {
        case .nodeAPI, .nodeAPITLS:
            guard request.headers[.contentType]?.contains("xml") == true else { return (nil, request) }
            login = { body in MarkupScanner.firstText(ofTag: "username", in: body) }
        case .iys:
            guard request.uri.path == "/oauth/token" else { return (nil, request) }
            let type = request.headers[.contentType]
            login = { body in IYSRoutes.tokenRequest(body, contentType: type)?.username }
        case .euromsg:
            guard request.uri.path == "/tokens" else { return (nil, request) }
            login = { body in (try? ExpressJSON.decode(ExpressTokenRequest.self, from: body))?.clientName }
        case .admin:
            return (nil, request)
        }
        guard let (body, whole) = await Self.read(request) else { return (nil, request) }
        return (login(body).flatMap(worlds.world(ofLogin:)), whole)
    }

    /// The body of a request that declares its length, at most ``peekLimit`` bytes, and the request with it put back;
    /// nil for any other (a chunked or larger body goes on unread, to the default world, which reads and bounds it).
    static func read(_ request: Request) async -> ([UInt8], Request)? {
        guard let length = request.headers[.contentLength].flatMap({ Int($0) }), length <= peekLimit else { return nil }
        let buffer = (try? await request.body.collect(upTo: peekLimit)) ?? ByteBuffer()
        return (Array(buffer.readableBytesView), Request(head: request.head, body: RequestBody(buffer: buffer)))
    }

    /// The largest body looked into for credentials: a SOAP envelope with its recipients (the Node API reads up to 4 MB).
    static let peekLimit = 4 * 1024 * 1024

    /// `/__admin/worlds/ID/…` to the world's admin API; the rest (the worlds' own routes among it) to the default's.
    private func admin(_ request: Request, context: MockRequestContext) async throws -> Response {
        guard let (id, rest) = Self.prefixed(request.uri.path, under: "/__admin/worlds/"), rest != "/" else {
            return try await fallback.respond(to: request, context: context)
        }
        guard let world = worlds.world(id) else { return unknownWorld(id).response }
        var forwarded = Self.rewrite(request, path: "/__admin" + rest, prefix: nil)
        // A browser's page carries its token in the query (?token=…), a script's in the header.
        let given = BearerToken.of(request) ?? request.firstQueryValues["token"]
        if let serverToken, given == serverToken {
            var head = forwarded.head
            head.headerFields[.authorization] = "Bearer \(world.token)"
            forwarded = Request(head: head, body: forwarded.body)
        } else if given != world.token {
            return AdminRoutes.failure(AdminModels.Failure(401, "world \(id)'s admin routes need its token (Authorization: Bearer …), or the server's --admin-token")).response
        }
        return try await world.responder(for: .admin).respond(to: forwarded, context: context)
    }

    /// A request for a world that does not exist, answered in the shape of the port it came to.
    static func unknownWorld(_ id: String, on face: WorldFace, nodeAPIPolicy: NodeAPIWirePolicy) -> WireResponse {
        let message = MockWorlds.noWorld(id)
        switch face {
        case .nodeAPI, .nodeAPITLS:
            return JSONFace.failure(NodeAPIError(.notFound, detail: message), policy: nodeAPIPolicy)
        case .iys:
            return IYSShape.failure(IYSError(.HM404, message))
        case .euromsg:
            return ExpressShape.failure(ExpressError(.notFound, message))
        case .admin:
            return AdminRoutes.failure(AdminModels.Failure(404, message, field: "id"))
        }
    }

    /// The world id and the rest of `path` (at least `/`) when `path` is `prefix` + id (+ `/…`).
    static func prefixed(_ path: String, under prefix: String) -> (id: String, rest: String)? {
        guard path.hasPrefix(prefix) else { return nil }
        let tail = path.dropFirst(prefix.count)
        let id = tail.prefix { $0 != "/" }
        guard !id.isEmpty else { return nil }
        let rest = tail.dropFirst(id.count)
        return (String(id), rest.isEmpty ? "/" : String(rest))
    }

    /// The request with `path` for its path (the query kept), and the prefix the world is reached by, for its WSDL.
    static func rewrite(_ request: Request, path: String, prefix: String?) -> Request {
        var head = request.head
        head.path = path + (request.uri.query.map { "?" + $0 } ?? "")
        if let prefix { head.headerFields[.mockPathPrefix] = prefix }
        return Request(head: head, body: request.body)
    }
}

extension HTTPField.Name {
    /// `X-Mock-World: ID`: the world a request is for.
    static let mockWorld = Self("X-Mock-World")!
    /// Set by ``WorldResponder`` on a request reached through `/worlds/ID`, so that the world's WSDL points there.
    static let mockPathPrefix = Self("X-Mock-Path-Prefix")!
}
