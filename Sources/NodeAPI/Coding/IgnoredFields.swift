import Synchronization
import WireCoding

/// The unknown fields a lenient request decode passed over, as a person reads them (`numbers[0].someFlag`).
///
/// The provider ignores fields it does not know, and public clients send some (`someClientFlag`, `gateway`…),
/// so a mock that refused them would fail code that works in production. A decode given one of these ignores
/// unknown fields and lists them here, so that the mock can say what it tolerated; a decode without one
/// refuses them with `ERR_INVALID_PARAM` (the strict mode). Fields whose value is null, or an empty SOAP
/// element, are "not given" and never listed.
///
/// It also lists the fields given more than once in a JSON body, of which the decode read the last, as the provider's
/// JSON parser does.
public final class IgnoredFields: Sendable {
    private let paths = Mutex<[String]>([])
    private let repeatedPaths = Mutex<[String]>([])
    private let toleratedForms = Mutex<[String]>([])

    public init() {}

    /// The fields ignored, object by object in decoding order, each object's in name order.
    public var all: [String] { paths.withLock { $0 } }

    /// The fields given more than once, in the body's order; the last value of each was read.
    public var repeated: [String] { repeatedPaths.withLock { $0 } }

    /// Forms public clients send that the document's rules refuse and a lenient decode read anyway, each as a
    /// sentence saying how it was read (`recipientType 2`, a `pushSettings` without `url`, `number` as a list of one).
    public var tolerated: [String] { toleratedForms.withLock { $0 } }

    /// One text per field, as the mock reports it (`X-Mock-Warning`, the journal).
    public var warnings: [String] { all.map { "unknown field '\($0)' ignored" } + repeated.map(JSONOutline.repeatedWarning) + tolerated }

    func add(_ path: String) {
        paths.withLock { $0.append(path) }
    }

    func tolerate(_ warning: String) {
        toleratedForms.withLock { $0.append(warning) }
    }

    public func addRepeated(_ paths: [String]) {
        repeatedPaths.withLock { $0 += paths }
    }
}

extension Decoder {
    /// The ``IgnoredFields`` of a lenient decode; nil in the strict mode.
    var ignoredFields: IgnoredFields? { userInfo[.nodeAPIIgnoredFields] as? IgnoredFields }
}

extension CodingUserInfoKey {
    /// ``IgnoredFields``: present when a decode ignores unknown fields rather than refusing them.
    public static let nodeAPIIgnoredFields = CodingUserInfoKey(rawValue: "nodeAPI.ignoredFields")!
}
