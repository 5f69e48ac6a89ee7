import HTTPTypes
import Hummingbird
import MockAdmin

/// The admin API is a control plane that every web page a tester opens can reach (it listens on loopback, as browsers
/// do). So that no page drives it (cross-site request forgery) and no page reaches it by a name it rebinds to 127.0.0.1
/// (DNS rebinding):
///
/// - a write (`POST`, `PUT`, `PATCH`, `DELETE`) whose `Origin` is not the admin API's own, or that a browser marks
///   `Sec-Fetch-Site: cross-site` or `same-site`, is refused 403;
/// - a write's body is JSON (`PUT /__admin/scenario` also YAML): a write that declares another type (a form's
///   `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain`, which a page sends cross-site without
///   asking) is refused 415; one that declares none is read as JSON, as before (a browser that sends one always
///   sends `Origin` with it);
/// - a browser's request (one with `Origin` or `Sec-Fetch-*`) by a host name is refused 403 unless the name is one the
///   server was told to answer on (`localhost`, the `--host` it binds, `--allowed-host`). An address (`127.0.0.1`,
///   `[::1]`, `10.0.0.7`) is always allowed: a rebinding attack always comes as a name. Scripts, SDKs and `curl`, which
///   send none of these headers, reach the API by any name, as before (a `docker compose` service name, say).
struct AdminOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Lowercase host names, without port, that browsers may use.
    let hostNames: Set<String>

    init(hostNames: some Sequence<String>) {
        self.hostNames = Set(hostNames.map { $0.lowercased() }).union(["localhost"])
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers.value(of: .origin)
        let fetchSite = HTTPField.Name("Sec-Fetch-Site").flatMap { request.headers[$0] }?.lowercased()
        let fromBrowser = origin != nil || request.headers.contains { $0.name.canonicalName.hasPrefix("sec-fetch-") }
        let authority = request.head.authority ?? ""
        if fromBrowser, let name = Self.hostName(of: authority), !hostNames.contains(name) {
            return refuse(403, "the admin API does not answer a browser that reaches it as '\(name)' (DNS rebinding); use an address, localhost, or start serve with --allowed-host \(name)", field: "Host")
        }
        guard [.post, .put, .patch, .delete].contains(request.method) else { return try await next(request, context) }
        if let fetchSite, fetchSite == "cross-site" || fetchSite == "same-site" {
            return refuse(403, "the admin API takes no writes from another site's page", field: "Origin")
        }
        if let origin, origin.lowercased() != "http://\(authority.lowercased())", origin.lowercased() != "https://\(authority.lowercased())" {
            return refuse(403, "the admin API takes writes only from its own page (Origin \(origin.prefix(100)) is another)", field: "Origin")
        }
        if let type = request.headers.value(of: .contentType), !Self.accepts(type, path: request.uri.path) {
            return refuse(415, "an admin write's body is JSON: send Content-Type: application/json (curl: -H 'Content-Type: application/json'), not \(type.prefix(100))", field: "Content-Type")
        }
        return try await next(request, context)
    }

    /// Whether the body's media type is JSON (YAML too for the scenario).
    static func accepts(_ contentType: String, path: String) -> Bool {
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json")) { return true }
        let yaml = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"]
        return yaml.contains(media) && path.hasSuffix(AdminOperation.replaceScenario.path)
    }

    /// The host name of an authority (`name:port`), lowercase; nil for an IPv4 or IPv6 address, which is always allowed.
    static func hostName(of authority: String) -> String? {
        if authority.hasPrefix("[") { return nil }
        let host = (authority.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? "").lowercased()
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        if octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) { return nil }
        return host
    }

    private func refuse(_ status: Int, _ message: String, field: String) -> Response {
        AdminRoutes.failure(AdminModels.Failure(status, message, field: field)).response
    }
}
