import NodeAPI

/// A package as the mock stores it. States are not stored: they follow from the clock and the
/// package's timings (``state(at:)``), so that any instant can be asked about and nothing runs in
/// the background.
public struct SmsPackageRecord: Sendable, Hashable, Codable {
    public struct Item: Sendable, Hashable, Codable {
        public var id: String
        /// Normalised number.
        public var target: String
        /// The personal text of a many-to-many package.
        public var msg: String?
        /// What the item's text costs: one credit per segment.
        public var segments: Int
        public var outcome: DeliveryOutcome
        public var `operator`: Operator
        /// Milliseconds after the package's start at which this item's batch starts: 0 except in
        /// periodic packages, which send `amount` recipients per period (see ``PeriodicSchedule``).
        public var delay: Int64 = 0

        /// The credit charged when the package was stored: its segments, or nothing for a recipient the İYS gate refused
        /// or a package that could not be created.
        public var booked: Int { outcome == .noConsent || outcome == .notCreated ? 0 : segments }
    }

    public var id: Int
    public var uuid: String
    public var customID: String?
    public var owner: String
    public var type: SmsType
    public var sender: String
    public var title: String
    public var content: String?
    public var encoding: SmsEncoding
    /// Minutes.
    public var validity: Int
    public var commercial: Bool
    public var pushURL: String?
    /// How a periodic package spreads its recipients over time; nil for others.
    public var periodic: PeriodicSettings?
    public var items: [Item]
    /// When the package was created, in milliseconds since the epoch.
    public var createdAt: Int64
    /// When sending starts: `sendingDate`, or the creation.
    public var startsAt: Int64
    public var isScheduled: Bool
    /// When it was cancelled, if it was.
    public var cancelledAt: Int64?
    /// The scenario's delivery rules: not part of a snapshot (``CodingKeys``), set again from the scenario on restore.
    public var rules: DeliveryRules = .default
    /// When the provider has finished storing it: state 0 (saving) until then, in proportion to its size
    /// (``DeliveryRules/savingMilliseconds(items:)``); sending cannot start before.
    public var savedAt: Int64 = 0

    /// Everything but ``rules``, which come from the scenario.
    enum CodingKeys: String, CodingKey {
        case id, uuid, customID, owner, type, sender, title, content, encoding, validity, commercial, pushURL, periodic, items
        case createdAt, startsAt, isScheduled, cancelledAt, savedAt
    }

    /// When the package's timeline runs from: its start, or the end of saving if that is later.
    var begins: Int64 { max(startsAt, savedAt) }
    /// End of queueing: items are being sent from here.
    public var sendingAt: Int64 { begins + Int64(rules.queueSeconds * 1000) }
    /// Hand-over to the operator: items are sent (or rejected) from here.
    public var sentAt: Int64 { begins + Int64(rules.sendSeconds * 1000) }
    /// Delivery reports arrive from here.
    public var reportAt: Int64 { sentAt + Int64(rules.reportSeconds * 1000) }
    /// An item with no report times out here: validity + 60 minutes after the hand-over.
    public var timeoutAt: Int64 { sentAt + Int64(validity + 60) * 60_000 }

    /// What the package weighs in the retention (``NodeAPIScenario/retainedItems``): one per item, plus one per 128 bytes
    /// of text kept with it (its content and the personal texts), so that memory follows what is kept.
    public var retentionWeight: Int {
        items.count + ((content?.utf8.count ?? 0) + items.reduce(0) { $0 + ($1.msg?.utf8.count ?? 0) }) / 128
    }

    /// The delay of the package's last batch (0 unless periodic).
    public var lastDelay: Int64 { items.last?.delay ?? 0 }

    /// Whether the package can still be cancelled: it has not started sending.
    public func isChangeable(at now: Int64) -> Bool { cancelledAt == nil && now < sendingAt }

    public func itemState(_ item: Item, at now: Int64) -> ItemState {
        if item.outcome == .notCreated { return now < savedAt ? .pending : .cancelled }
        if let cancelledAt, cancelledAt < sendingAt + item.delay { return .cancelled }
        let now = now - item.delay
        if now < sendingAt { return .pending }
        if now < sentAt { return .sending }
        switch item.outcome {
        case .rejectedByOperator, .noConsent, .operatorOutage: return .rejectedByOperator
        case .timedOut: return now < timeoutAt ? .sent : .timedOut
        case .undelivered: return now < reportAt ? .sent : .undelivered
        case .delivered, .callbackFails: return now < reportAt ? .sent : .delivered
        case .notCreated: return .cancelled
        }
    }

    /// When an item reached its final state, if it has.
    public func finalAt(_ item: Item, at now: Int64) -> Int64? {
        let state = itemState(item, at: now)
        guard state.isFinal else { return nil }
        return state == .cancelled ? cancelledAt ?? finalAt(item) : finalAt(item)
    }

    /// When an item reaches its final state unless the package is cancelled first: known from its creation.
    public func finalAt(_ item: Item) -> Int64 {
        switch item.outcome {
        case .notCreated: savedAt
        case .rejectedByOperator, .noConsent, .operatorOutage: sentAt + item.delay
        case .timedOut: timeoutAt + item.delay
        case .undelivered, .delivered, .callbackFails: reportAt + item.delay
        }
    }

    public func state(at now: Int64) -> PackageState {
        if let cancelledAt, cancelledAt < sendingAt { return .cancelled }
        if now < savedAt { return .saving }
        // Every item shares a package's failure to be created (its sender).
        if items.first?.outcome == .notCreated { return .creationFailed }
        if now < startsAt { return .pending }
        if now < sendingAt { return .queueing }
        if now < sentAt { return .sending }
        let states = items.map { itemState($0, at: now) }
        // A periodic package is still sending while a later batch waits for its period.
        if states.contains(where: { $0 == .pending || $0 == .sending }) { return .sending }
        if items.allSatisfy({ $0.outcome == .operatorOutage }) { return .sendingFailed }
        if states.allSatisfy({ $0 == .rejectedByOperator }) { return .rejectedByOperator }
        let finals = states.filter(\.isFinal).count
        if finals == states.count { return .complete }
        return finals == 0 ? .sent : .partlyReported
    }

    /// The credit an item costs at `now`, booked once: what was charged for it, or 0 once refunded (cancelled before
    /// sending, or rejected by the operator, refunded as the rejection happens) or never charged (refused by the İYS
    /// gate). Every view of credit (the item, the package's statistics, `/sms/summary`) sums this, and `/user/credit`
    /// moves by the same amounts, so they always agree.
    public func charge(of item: Item, at now: Int64) -> Int {
        switch itemState(item, at: now) {
        case .cancelled, .rejectedByOperator: 0
        default: item.booked
        }
    }

    /// The `/sms/list` view of the package.
    public func summary(at now: Int64) -> SmsPackageSummary {
        let states = items.map { itemState($0, at: now) }
        return SmsPackageSummary(
            id: id, customID: customID, type: type, uuid: uuid, state: state(at: now), title: title, content: content,
            senders: [sender], encoding: encoding, validity: validity,
            statistics: .init(
                total: items.reduce(0) { $0 + $1.segments }, credit: items.reduce(0) { $0 + charge(of: $1, at: now) }, rCount: items.count,
                delivered: states.filter { $0 == .delivered }.count,
                undelivered: states.filter { $0 == .undelivered || $0 == .timedOut || $0 == .rejectedByOperator }.count
            ),
            isScheduled: isScheduled ? 1 : 0, sendingDate: TurkeyTime.date(startsAt)
        )
    }

    /// The `/sms/list-item` view of an item.
    public func view(_ item: Item, at now: Int64) -> PackageItem {
        let state = itemState(item, at: now)
        let handedOver = now >= sentAt + item.delay && state != .cancelled
        return PackageItem(
            id: item.id, msg: item.msg, credit: charge(of: item, at: now), state: state, sender: sender, target: item.target,
            setState: self.state(at: now).rawValue,
            sendingDate: TurkeyTime.date(startsAt + item.delay),
            deliveryDate: state == .delivered ? finalAt(item, at: now).map { TurkeyTime.date($0) } : nil,
            processingDate: handedOver ? TurkeyTime.date(sentAt + item.delay) : nil
        )
    }
}
