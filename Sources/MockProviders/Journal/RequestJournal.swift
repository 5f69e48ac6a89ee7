import HTTPTypes
import MockRecording
import MockSimulations
import Synchronization

/// Every request a mock answered and its reply, newest last, in a ring of fixed size: memory stays
/// flat however long the mock runs. Read by the admin API
/// (`GET /__admin/requests`) and by tests.
package final class RequestJournal: Sendable {
    package struct Entry: Sendable, Hashable {
        /// Increases by one per request, across the ring's wrap.
        package var sequence: Int
        /// Milliseconds since the epoch, on the mock's clock.
        package var time: Int64
        package var method: String
        package var path: String
        /// The query string, without `?`, when there was one.
        package var query: String? = nil
        /// The authenticated user, when authentication succeeded.
        package var user: String?
        package var requestBody: [UInt8]
        /// The request's header fields, as they arrived, up to ``headerLimit`` bytes (and a count of the rest).
        package var requestHeaders: HTTPFields = [:]
        package var status: Int
        /// The reply's content type (nil for a reply without a body).
        package var contentType: String? = nil
        package var responseBody: [UInt8]
        /// True when the bodies were redacted as they were kept: a body longer than ``bodyLimit`` is redacted whole
        /// before it is cut, since a cut one may no longer parse; the others are redacted when read.
        package var isRedacted = false
        /// What the mock tolerated in the request (`unknown field 'someFlag' ignored`), as sent in `X-Mock-Warning`.
        package var warnings: [String] = []
    }

    /// Bodies are kept up to this many bytes each (``KeptBody``).
    package static let bodyLimit = KeptBody.limit

    /// Header fields are kept up to this many bytes of names and values together (a full journal then holds at most
    /// `capacity` times this); the fields past it are counted in one `X-Mock-Journal-Omitted` field.
    package static let headerLimit = 8 * 1024

    package let capacity: Int
    private let state: Mutex<(entries: [Entry], next: Int, sequence: Int)>

    /// Told of each entry as it is kept, outside the journal's lock (the admin API's event stream).
    private let observer: (@Sendable (Entry) -> Void)?

    package init(capacity: Int = 1000, observer: (@Sendable (Entry) -> Void)? = nil) {
        self.capacity = max(capacity, 1)
        self.observer = observer
        state = Mutex(([], 0, 0))
    }

    package func record(
        time: Int64, method: String, path: String, query: String? = nil, user: String?, requestBody: [UInt8], requestHeaders: HTTPFields = [:],
        status: Int, contentType: String? = nil, responseBody: [UInt8], warnings: [String] = []
    ) {
        let isCut = requestBody.count > Self.bodyLimit || responseBody.count > Self.bodyLimit
        let requestBody = isCut ? CredentialRedaction.body(requestBody) : requestBody
        let responseBody = isCut ? CredentialRedaction.body(responseBody) : responseBody
        let kept = state.withLock { state in
            state.sequence += 1
            let entry = Entry(
                sequence: state.sequence, time: time, method: method, path: path, query: query.map { String(decoding: $0.utf8.prefix(Self.bodyLimit), as: UTF8.self) }, user: user,
                requestBody: KeptBody.kept(requestBody), requestHeaders: Self.kept(requestHeaders), status: status, contentType: contentType,
                responseBody: KeptBody.kept(responseBody), isRedacted: isCut, warnings: warnings
            )
            if state.entries.count < capacity {
                state.entries.append(entry)
            } else {
                state.entries[state.next] = entry
            }
            state.next = (state.next + 1) % capacity
            return entry
        }
        observer?(kept)
    }

    /// Header fields as kept: in order while their names and values fit ``headerLimit``, then a count of the rest; the
    /// guard's connection id (``HangUps/header``) is not the client's and is left out.
    static func kept(_ fields: HTTPFields) -> HTTPFields {
        var size = 0
        var kept = HTTPFields()
        var omitted = 0
        for field in fields where field.name != HangUps.header {
            size += field.name.rawName.utf8.count + field.value.utf8.count
            if size <= headerLimit { kept.append(field) } else { omitted += 1 }
        }
        if omitted > 0, let name = HTTPField.Name("X-Mock-Journal-Omitted") { kept.append(HTTPField(name: name, value: "\(omitted) header fields")) }
        return kept
    }

    /// Forgets every entry; sequence numbers go on, so that a client polling `since` never sees one twice.
    package func clear() {
        state.withLock { state in
            state.entries.removeAll(keepingCapacity: true)
            state.next = 0
        }
    }

    /// The entries kept, oldest first.
    package func entries() -> [Entry] {
        state.withLock { state in
            state.entries.count < capacity ? state.entries : Array(state.entries[state.next...] + state.entries[..<state.next])
        }
    }
}
