import Foundation
import HTTPTypes
import Hummingbird

/// The OpenAPI 3.1 description of a mock's JSON face, served by the mock at `GET /openapi.json`: the JSON in
/// `Resources/openapi/`, which `provider-mock describe` writes from the operation tables and the hand-written parts in
/// `describe/openapi/`. The tests hold the golden examples and the mocks' replies to it, and schemathesis runs from it
/// against the live mocks in CI.
package enum OpenAPIDescription: String, Sendable, CaseIterable {
    case nodeAPI = "node-api"
    case iys
    case euromsg

    /// The description as shipped, keys sorted.
    package var json: [UInt8] { BundledResource.bytes(rawValue, "json", in: "openapi") }

    /// `GET /openapi.json` on `router`.
    package func register<Context: RequestContext>(on router: Router<Context>) {
        let bytes = json
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
