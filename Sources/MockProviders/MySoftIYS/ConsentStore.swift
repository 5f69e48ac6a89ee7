import MySoftIYS
import Synchronization

/// The İYS mock's consents, one book per brand, shared by the İYS API and the Node API's commercial-SMS
/// gate: a consent saved through the API decides the next commercial package. Thread-safe, so the Node API
/// simulation can read it synchronously from its own actor.
package final class ConsentStore: Sendable {
    /// One consent as stored, with what the API reports about it.
    package struct Entry: Sendable, Hashable, Codable {
        package var consent: ConsentData
        /// When it reached MySoft (milliseconds since the epoch): the query's `sendDate`.
        package var receivedAt: Int64
        /// Its position in the brand's change order; the query's `afterValue` counts these.
        package var position: Int
        /// When forwarding to İYS began (every write starts it again).
        package var forwardedAt: Int64
        package var forwardingFails: Bool
        package var iysTransactionId: String
        /// What İYS holds for the key while this consent is not there (refused by İYS): the last consent that reached
        /// it, if any.
        package var previousOnIYS: ConsentData?

        /// The consent as İYS has it: this one, unless İYS refused it.
        package var onIYS: ConsentData? { forwardingFails ? previousOnIYS : consent }
    }

    struct Book {
        var entries: [ConsentKey: Entry] = [:]
        var nextPosition = 1
    }

    private let books: Mutex<[String: Book]>
    /// Consents kept at most, across brands (the scenario's `iys.maxConsents`): a consent to a new key beyond is refused,
    /// one that replaces a key's is not. One consent weighs about a kilobyte: a client storing a million took a gigabyte.
    private let limit: Atomic<Int>

    package init(capacity: Int = IYSScenario.defaultMaxConsents) {
        books = Mutex([:])
        limit = Atomic(capacity)
    }

    package var capacity: Int {
        get { limit.load(ordering: .relaxed) }
        set { limit.store(newValue, ordering: .relaxed) }
    }

    /// Consents kept, across brands.
    package var count: Int { books.withLock { books in books.values.reduce(0) { $0 + $1.entries.count } } }

    /// New keys the store takes before it is full.
    package var room: Int {
        let capacity = capacity
        return books.withLock { books in max(0, capacity - books.values.reduce(0) { $0 + $1.entries.count }) }
    }

    /// A consent to a new key when ``capacity`` are kept.
    package struct Full: Error, Sendable {
        package let capacity: Int
        package var message: String { "the mock keeps at most \(capacity) consents (the scenario's iys.maxConsents); reset it or raise the limit" }
    }

    /// The consent of a key, if any.
    package func entry(brand: String, key: ConsentKey) -> Entry? {
        books.withLock { $0[brand]?.entries[key] }
    }

    /// Every consent of a brand, in change order.
    package func entries(brand: String) -> [Entry] {
        books.withLock { ($0[brand]?.entries.values).map { $0.sorted { $0.position < $1.position } } ?? [] }
    }

    /// Saves a consent (new, or replacing the key's), at the end of the change order; returns what it replaced. A new key
    /// beyond ``capacity`` is refused.
    @discardableResult
    package func save(brand: String, _ consent: ConsentData, at now: Int64, forwardingFails: Bool, transactionId: String) throws(Full) -> Entry? {
        let capacity = capacity
        return try books.withLock { (books: inout [String: Book]) throws(Full) -> Entry? in
            // Changed in place through the `default:` subscript: copying the book out and back would copy every
            // entry on each save (quadratic over a 1000-record batch).
            let key = ConsentKey(recipient: consent.recipient, type: consent.type, recipientType: consent.recipientType)
            if books[brand]?.entries[key] == nil, books.values.reduce(0, { $0 + $1.entries.count }) >= capacity { throw Full(capacity: capacity) }
            let position = books[brand]?.nextPosition ?? Book().nextPosition
            let onIYS = books[brand]?.entries[key]?.onIYS
            let previous = books[brand, default: Book()].entries.updateValue(Entry(
                consent: consent, receivedAt: now, position: position, forwardedAt: now,
                forwardingFails: forwardingFails, iysTransactionId: transactionId, previousOnIYS: onIYS
            ), forKey: key)
            books[brand, default: Book()].nextPosition += 1
            return previous
        }
    }

    /// Whether a commercial SMS may go to a number (`905XXXXXXXXX`) for a brand: its latest `MESAJ` consent on İYS
    /// (one İYS refused does not count), as `recipientType` (an individual or a merchant when
    /// `nil`), is `ONAY`.
    package func allowsCommercialSMS(brand: String, number: String, as recipientType: RecipientType? = nil) -> Bool {
        let recipient = "+" + number
        let types = recipientType.map { [$0] } ?? [RecipientType.individual, .merchant]
        return books.withLock { books in
            guard let book = books[brand] else { return false }
            let found = types.compactMap { book.entries[ConsentKey(recipient: recipient, type: .message, recipientType: $0)] }
            return found.compactMap { entry in entry.onIYS.map { (entry.position, $0) } }.max { $0.0 < $1.0 }?.1.status == .approved
        }
    }
}

extension ConsentStore {
    /// Every brand's consents as a snapshot keeps them (`serve --state FILE`), in change order.
    package struct Snapshot: Codable, Sendable {
        struct Brand: Codable, Sendable {
            var code: String
            var entries: [Entry]
            var nextPosition: Int
        }

        var brands: [Brand]
    }

    package var snapshot: Snapshot {
        books.withLock { books in
            Snapshot(brands: books.sorted { $0.key < $1.key }.map { code, book in
                .init(code: code, entries: book.entries.values.sorted { $0.position < $1.position }, nextPosition: book.nextPosition)
            })
        }
    }

    /// Forgets every consent (the admin API's reset; the scenario's seeds are saved again by a new ``IYSState``).
    package func removeAll() {
        books.withLock { $0.removeAll() }
    }

    /// Puts back a snapshot's consents, over what the store holds (the scenario's seeds): a consent kept in the snapshot
    /// is the later one.
    package func restore(_ snapshot: Snapshot) {
        books.withLock { books in
            for brand in snapshot.brands {
                var book = books[brand.code] ?? Book()
                for entry in brand.entries {
                    book.entries[ConsentKey(recipient: entry.consent.recipient, type: entry.consent.type, recipientType: entry.consent.recipientType)] = entry
                }
                book.nextPosition = max(book.nextPosition, brand.nextPosition, (brand.entries.map(\.position).max() ?? 0) + 1)
                books[brand.code] = book
            }
        }
    }
}
