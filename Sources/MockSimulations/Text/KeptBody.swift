/// A body as the request journal and the callback log keep it: its first ``limit`` bytes, shared with the caller (no
/// copy) when within them.
package enum KeptBody {
    /// Bodies are kept up to this many bytes each.
    package static let limit = 16 * 1024

    package static func kept(_ body: [UInt8]) -> [UInt8] {
        body.count <= limit ? body : Array(body.prefix(limit))
    }
}
