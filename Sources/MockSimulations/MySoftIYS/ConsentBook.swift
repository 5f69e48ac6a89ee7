import MySoftIYS

/// The İYS mock's consents, one book per brand, as a value that the İYS state owns (``IYSState/consents``). The Node
/// API's commercial-SMS gate reads it and its contacts' İYS syncs write it, lent for the call under the world's one
/// lock (``ProviderWorldState``): a consent saved through the İYS API decides the next commercial package.
package struct ConsentBook: Sendable {
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

    struct Brand: Sendable {
        var entries: [ConsentKey: Entry] = [:]
        var nextPosition = 1
    }

    private var brands: [String: Brand] = [:]
    /// Consents kept, across brands.
    package private(set) var count = 0
    /// Consents kept at most, across brands (the scenario's `iys.maxConsents`): a consent to a new key beyond is refused,
    /// one that replaces a key's is not. One consent weighs about a kilobyte: a client storing a million took a gigabyte.
    package var capacity: Int

    package init(capacity: Int = IYSScenario.defaultMaxConsents) {
        self.capacity = capacity
    }

    /// New keys the book takes before it is full.
    package var room: Int { max(0, capacity - count) }

    /// A consent to a new key when ``capacity`` are kept.
    package struct Full: Error, Sendable {
        package let capacity: Int
        package var message: String { "the mock keeps at most \(capacity) consents (the scenario's iys.maxConsents); reset it or raise the limit" }
    }

    /// The consent of a key, if any.
    package func entry(brand: String, key: ConsentKey) -> Entry? { brands[brand]?.entries[key] }

    /// Every consent of a brand, in change order.
    package func entries(brand: String) -> [Entry] {
        (brands[brand]?.entries.values).map { $0.sorted { $0.position < $1.position } } ?? []
    }

    /// Saves a consent (new, or replacing the key's), at the end of the change order; returns what it replaced. A new key
    /// beyond ``capacity`` is refused.
    @discardableResult
    package mutating func save(brand: String, _ consent: ConsentData, at now: Int64, forwardingFails: Bool, transactionId: String) throws(Full) -> Entry? {
        let key = ConsentKey(recipient: consent.recipient, type: consent.type, recipientType: consent.recipientType)
        // Changed in place through the `default:` subscript: copying the book out and back would copy every entry on
        // each save (quadratic over a 1000-record batch).
        let onIYS = brands[brand]?.entries[key]?.onIYS
        if brands[brand]?.entries[key] == nil, count >= capacity { throw Full(capacity: capacity) }
        let position = brands[brand]?.nextPosition ?? Brand().nextPosition
        let previous = brands[brand, default: Brand()].entries.updateValue(Entry(
            consent: consent, receivedAt: now, position: position, forwardedAt: now,
            forwardingFails: forwardingFails, iysTransactionId: transactionId, previousOnIYS: onIYS
        ), forKey: key)
        brands[brand, default: Brand()].nextPosition += 1
        if previous == nil { count += 1 }
        return previous
    }

    /// Whether a commercial SMS may go to a number (`905XXXXXXXXX`) for a brand: its latest `MESAJ` consent on İYS
    /// (one İYS refused does not count), as `recipientType` (an individual or a merchant when
    /// `nil`), is `ONAY`.
    package func allowsCommercialSMS(brand: String, number: String, as recipientType: RecipientType? = nil) -> Bool {
        guard let book = brands[brand] else { return false }
        let recipient = "+" + number
        let types = recipientType.map { [$0] } ?? [RecipientType.individual, .merchant]
        let found = types.compactMap { book.entries[ConsentKey(recipient: recipient, type: .message, recipientType: $0)] }
        return found.compactMap { entry in entry.onIYS.map { (entry.position, $0) } }.max { $0.0 < $1.0 }?.1.status == .approved
    }
}

extension ConsentBook {
    /// Every brand's consents as a snapshot keeps them (`serve --state FILE`), in change order.
    package struct Snapshot: Codable, Sendable {
        package struct Brand: Codable, Sendable {
            package var code: String
            package var entries: [Entry]
            package var nextPosition: Int
        }

        package var brands: [Brand]
    }

    package var snapshot: Snapshot {
        Snapshot(brands: brands.sorted { $0.key < $1.key }.map { code, book in
            .init(code: code, entries: book.entries.values.sorted { $0.position < $1.position }, nextPosition: book.nextPosition)
        })
    }

    /// Puts back a snapshot's consents, over what the book holds (the scenario's seeds): a consent kept in the snapshot
    /// is the later one.
    package mutating func restore(_ snapshot: Snapshot) {
        for brand in snapshot.brands {
            var book = brands.removeValue(forKey: brand.code) ?? Brand()
            for entry in brand.entries {
                let key = ConsentKey(recipient: entry.consent.recipient, type: entry.consent.type, recipientType: entry.consent.recipientType)
                if book.entries.updateValue(entry, forKey: key) == nil { count += 1 }
            }
            book.nextPosition = max(book.nextPosition, brand.nextPosition, (brand.entries.map(\.position).max() ?? 0) + 1)
            brands[brand.code] = book
        }
    }
}
