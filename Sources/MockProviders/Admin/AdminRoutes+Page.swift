import Foundation
import HTTPTypes
import Hummingbird
import MockAdmin

/// `GET /` on the admin port: the inbox page (plain HTML, CSS and JavaScript, bundled; nothing to build), and
/// `GET /__admin/openapi.json`, the admin API's OpenAPI description, and `GET /__admin/ca.pem`, the local CA of the
/// Node API's TLS port (404 when the server has none: no TLS port, or a certificate of its own).
extension AdminRoutes {
    func registerPage<Context: RequestContext>(on router: Router<Context>) {
        router.on(.inboxPage) { _, _ in Self.resource(Self.inboxPage, type: "text/html; charset=utf-8") }
        router.on(.openAPI) { _, _ in Self.resource(Self.openAPI, type: "application/json; charset=utf-8") }
        let certificateAuthorityPEM = certificateAuthorityPEM
        router.on(.certificateAuthority) { _, _ in
            guard let certificateAuthorityPEM else {
                return Self.failure(AdminModels.Failure(404, "this server has no local CA: its TLS port is off, or serves the --tls-cert given")).response
            }
            return Self.resource(Array(certificateAuthorityPEM.utf8), type: "application/x-pem-file")
        }
    }

    static let inboxPage = BundledResource.bytes("inbox", "html")
    static let openAPI = BundledResource.bytes("admin", "json", in: "openapi")

    private static func resource(_ bytes: [UInt8], type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache", HTTPField.Name("X-Content-Type-Options")!: "nosniff"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
