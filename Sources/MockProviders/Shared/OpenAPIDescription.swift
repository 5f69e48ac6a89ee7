import Foundation
import HTTPTypes
import Hummingbird
import Yams

/// The OpenAPI 3.1 description of a mock's JSON face, served by the mock at `GET /openapi.json`. The YAML in
/// `Resources/openapi/` is the one truth: the tests hold the golden examples and the mocks' replies to it, and
/// schemathesis runs from it against the live mocks in CI.
package enum OpenAPIDescription: String, Sendable, CaseIterable {
    case nodeAPI = "node-api"
    case iys
    case euromsg

    /// The YAML as shipped.
    package var yaml: String { BundledResource.text(rawValue, "yaml", in: "openapi") }

    /// The description as JSON, keys sorted; made once per process.
    package var json: [UInt8] {
        switch self {
        case .nodeAPI: Self.nodeAPIJSON
        case .iys: Self.iysJSON
        case .euromsg: Self.euromsgJSON
        }
    }

    private static let nodeAPIJSON = converted(.nodeAPI)
    private static let iysJSON = converted(.iys)
    private static let euromsgJSON = converted(.euromsg)

    private static func converted(_ description: OpenAPIDescription) -> [UInt8] {
        guard let document = try? Yams.load(yaml: description.yaml),
              let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]) else { return [] }
        return Array(data)
    }

    /// `GET /openapi.json` on `router`.
    package func register<Context: RequestContext>(on router: Router<Context>) {
        let bytes = json
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
