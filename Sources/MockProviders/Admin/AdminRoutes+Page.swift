import Foundation
import HTTPTypes
import Hummingbird

/// `GET /` on the admin port: the inbox page (plain HTML, CSS and JavaScript, bundled; nothing to build), and
/// `GET /__admin/openapi.json`, the admin API's OpenAPI description.
extension AdminRoutes {
    func registerPage<Context: RequestContext>(on router: Router<Context>) {
        router.get("/") { _, _ in Self.resource(Self.inboxPage, type: "text/html; charset=utf-8") }
        router.get("/__admin/openapi.json") { _, _ in Self.resource(Self.openAPI, type: "application/json; charset=utf-8") }
    }

    static let inboxPage = BundledResource.bytes("inbox", "html")
    static let openAPI = BundledResource.bytes("admin-openapi", "json")

    private static func resource(_ bytes: [UInt8], type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache", HTTPField.Name("X-Content-Type-Options")!: "nosniff"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
