import NodeAPI
import WireCoding

/// A package as the mock stores it. States are not stored: they follow from the clock and the
/// package's timings (``state(at:)``), so that any instant can be asked about and nothing runs in
/// the background.
package struct SmsPackageRecord: Sendable, Hashable, Codable {
    package struct Item: Sendable, Hashable, Codable {
        package var id: String
        /// Normalised number.
        package var target: String
        /// The personal text of a many-to-many package.
        package var msg: String?
        /// What the item's text costs: one credit per segment.
        package var segments: Int
        package var outcome: DeliveryOutcome
        package var `operator`: Operator
        /// Milliseconds after the package's start at which this item's batch or round starts: 0 except in a split
        /// sending (`amount` recipients every `interval` minutes) and in the later rounds of a repeating package (see
        /// ``PeriodicSchedule``).
        package var delay: Int64 = 0

        /// The credit charged when the package was stored: its segments, or nothing for a recipient the İYS gate refused
        /// or a package that could not be created.
        package var booked: Int { outcome == .noConsent || outcome == .notCreated ? 0 : segments }
    }

    package var id: Int
    package var uuid: String
    package var customID: String?
    package var owner: String
    package var type: SmsType
    package var sender: String
    package var title: String
    package var content: String?
    package var encoding: SmsEncoding
    /// Minutes.
    package var validity: Int
    package var commercial: Bool
    /// The İYS recipient type a commercial package is for (`recipientType`); nil reads either type's consent.
    package var recipientType: IysRecipientType?
    package var pushURL: String?
    /// How a periodic package spreads its recipients over time; nil for others.
    package var periodic: PeriodicSettings?
    /// Every item of every round, in the order they were stored.
    package var items: [Item]
    /// The items of the first round: a repeating package's later rounds send to these recipients again.
    package var roundSize: Int
    /// The rounds stored so far (a round the credit did not cover counts, with no items): 1 unless repeating.
    package var rounds = 1
    /// A repeating package that stopped repeating: its rounds reached the horizon or ``PeriodicSchedule/maxRepeatedItems``.
    package var repeatEnded = false
    /// When the package was created, in milliseconds since the epoch.
    package var createdAt: Int64
    /// When sending starts: `sendingDate`, or the creation.
    package var startsAt: Int64
    package var isScheduled: Bool
    /// When it was cancelled, if it was.
    package var cancelledAt: Int64?
    /// The scenario's delivery rules: not part of a snapshot (``CodingKeys``), set again from the scenario on restore.
    package var rules: DeliveryRules = .default
    /// When the provider has finished storing it: state 0 (saving) until then, in proportion to its size
    /// (``DeliveryRules/savingMilliseconds(items:)``); sending cannot start before.
    package var savedAt: Int64 = 0

    /// Everything but ``rules``, which come from the scenario.
    enum CodingKeys: String, CodingKey {
        case id, uuid, customID, owner, type, sender, title, content, encoding, validity, commercial, pushURL, periodic, items
        case recipientType, roundSize, rounds, repeatEnded
        case createdAt, startsAt, isScheduled, cancelledAt, savedAt
    }

    /// When the package's timeline runs from: its start, or the end of saving if that is later.
    var begins: Int64 { max(startsAt, savedAt) }
    /// End of queueing: items are being sent from here.
    package var sendingAt: Int64 { begins + Int64(rules.queueSeconds * 1000) }
    /// Hand-over to the operator: items are sent (or rejected) from here.
    package var sentAt: Int64 { begins + Int64(rules.sendSeconds * 1000) }
    /// Delivery reports arrive from here.
    package var reportAt: Int64 { sentAt + Int64(rules.reportSeconds * 1000) }
    /// An item with no report times out here: validity + 60 minutes after the hand-over.
    package var timeoutAt: Int64 { sentAt + Int64(validity + 60) * 60_000 }

    /// What the package weighs in the retention (``NodeAPIScenario/retainedItems``): one per item, plus one per 128 bytes
    /// of text kept with it (its content and the personal texts), so that memory follows what is kept.
    package var retentionWeight: Int {
        (content?.utf8.count ?? 0) / 128 + Self.retentionWeight(of: items)
    }

    /// What items weigh in the retention: one each, and one per 128 bytes of its personal text (so that a round's
    /// weight adds to its package's).
    static func retentionWeight(of items: some Sequence<Item>) -> Int {
        items.reduce(0) { $0 + 1 + ($1.msg?.utf8.count ?? 0) / 128 }
    }

    /// The delay of the package's last batch or round (0 unless periodic).
    package var lastDelay: Int64 { items.last?.delay ?? 0 }

    /// Whether the package goes again every period (`periodType` 1–4).
    package var repeats: Bool { periodic?.repeats == true }

    /// When the next round of a repeating package starts; nil when it does not repeat, has stopped, or was cancelled.
    package var nextRoundAt: Int64? {
        guard let periodic, periodic.repeats, !repeatEnded, cancelledAt == nil, items.first?.outcome != .notCreated else { return nil }
        return PeriodicSchedule.round(rounds, from: startsAt, of: periodic.periodType)
    }

    /// Whether the package can still be cancelled: something of it has not started sending (a later batch of a split
    /// sending, or the next round of a repeating package).
    package func isChangeable(at now: Int64) -> Bool { cancelledAt == nil && (now < sendingAt + lastDelay || nextRoundAt != nil) }

    /// Whether a cancellation at `at` stops `item` (it had not started sending then).
    func isStopped(_ item: Item, byCancellationAt at: Int64) -> Bool { at < sendingAt + item.delay }

    package func itemState(_ item: Item, at now: Int64) -> ItemState { itemState(item, at: now, on: Timeline(self)) }

    /// The package's instants, worked out once for a pass over its items (each is a computed property).
    struct Timeline {
        var savedAt, sendingAt, sentAt, reportAt, timeoutAt: Int64
        var cancelledAt: Int64?

        init(_ package: SmsPackageRecord) {
            savedAt = package.savedAt
            sendingAt = package.sendingAt
            sentAt = package.sentAt
            reportAt = package.reportAt
            timeoutAt = package.timeoutAt
            cancelledAt = package.cancelledAt
        }
    }

    func itemState(_ item: Item, at now: Int64, on timeline: Timeline) -> ItemState {
        if item.outcome == .notCreated { return now < timeline.savedAt ? .pending : .cancelled }
        if let cancelledAt = timeline.cancelledAt, cancelledAt < timeline.sendingAt + item.delay { return .cancelled }
        let now = now - item.delay
        if now < timeline.sendingAt { return .pending }
        if now < timeline.sentAt { return .sending }
        switch item.outcome {
        case .rejectedByOperator, .noConsent, .operatorOutage: return .rejectedByOperator
        case .timedOut: return now < timeline.timeoutAt ? .sent : .timedOut
        case .undelivered: return now < timeline.reportAt ? .sent : .undelivered
        case .delivered, .callbackFails: return now < timeline.reportAt ? .sent : .delivered
        case .notCreated: return .cancelled
        }
    }

    /// The package's items counted at `now` in one pass, with nothing allocated: its state, its `/sms/list` statistics
    /// and its share of `/sms/summary` all read this (a package of 100 000 items was walked three times, with an array
    /// of states each time).
    package struct Tally: Sendable, Hashable {
        package var items = 0
        /// Segments of all items, and credit as booked (``SmsPackageRecord/charge(of:at:)``).
        package var segments = 0
        package var credit = 0
        /// Items delivered, and items undelivered, timed out or rejected by the operator; the same in segments.
        package var delivered = 0
        package var undelivered = 0
        package var deliveredSegments = 0
        package var undeliveredSegments = 0
        /// Segments of items sent and waiting for their report.
        package var sentSegments = 0
        /// Items not yet handed over (pending or sending), rejected by the operator, in a final state, out in an outage.
        var unfinished = 0
        var rejected = 0
        var finals = 0
        var outages = 0
        /// Items the İYS gate refused (counted among the rejected).
        var noConsent = 0
    }

    package func tally(at now: Int64) -> Tally {
        let timeline = Timeline(self)
        var tally = Tally()
        tally.items = items.count
        for item in items {
            let state = itemState(item, at: now, on: timeline)
            tally.segments += item.segments
            if item.outcome == .operatorOutage { tally.outages += 1 }
            if item.outcome == .noConsent { tally.noConsent += 1 }
            switch state {
            case .cancelled:
                tally.finals += 1
            case .rejectedByOperator:
                tally.rejected += 1
                tally.finals += 1
                tally.undelivered += 1
                tally.undeliveredSegments += item.segments
            case .delivered:
                tally.credit += item.booked
                tally.finals += 1
                tally.delivered += 1
                tally.deliveredSegments += item.segments
            case .undelivered, .timedOut:
                tally.credit += item.booked
                tally.finals += 1
                tally.undelivered += 1
                tally.undeliveredSegments += item.segments
            case .sent:
                tally.credit += item.booked
                tally.sentSegments += item.segments
            case .pending, .sending:
                tally.credit += item.booked
                tally.unfinished += 1
            }
        }
        return tally
    }

    /// When an item reached its final state, if it has.
    package func finalAt(_ item: Item, at now: Int64) -> Int64? {
        let state = itemState(item, at: now)
        guard state.isFinal else { return nil }
        return state == .cancelled ? cancelledAt ?? finalAt(item) : finalAt(item)
    }

    /// When an item reaches its final state unless the package is cancelled first: known from its creation.
    package func finalAt(_ item: Item) -> Int64 {
        switch item.outcome {
        case .notCreated: savedAt
        case .rejectedByOperator, .noConsent, .operatorOutage: sentAt + item.delay
        case .timedOut: timeoutAt + item.delay
        case .undelivered, .delivered, .callbackFails: reportAt + item.delay
        }
    }

    package func state(at now: Int64) -> PackageState { state(at: now, tally: nil) }

    /// The state at `now`; `tally`, when the caller has it, saves counting the items again.
    func state(at now: Int64, tally: Tally?) -> PackageState {
        if let cancelledAt, cancelledAt < sendingAt { return .cancelled }
        if now < savedAt { return .saving }
        // Every item shares a package's failure to be created (its sender).
        if items.first?.outcome == .notCreated { return .creationFailed }
        if now < startsAt { return .pending }
        if now < sendingAt { return .queueing }
        if now < sentAt { return .sending }
        let tally = tally ?? self.tally(at: now)
        if tally.unfinished == 0 {
            // Stopped by a cancellation once what had started is over; waiting for its next round once this one is.
            if cancelledAt != nil { return .cancelled }
            if nextRoundAt != nil, tally.finals == tally.items { return .pending }
        }
        return state(with: tally)
    }

    /// The state once items are handed over, from their tally.
    func state(with tally: Tally) -> PackageState {
        // A split sending is still sending while a later batch waits for its interval.
        if tally.unfinished > 0 { return .sending }
        if tally.outages == tally.items { return .sendingFailed }
        if tally.rejected == tally.items { return .rejectedByOperator }
        if tally.finals == tally.items { return .complete }
        return tally.finals == 0 ? .sent : .partlyReported
    }

    /// The credit an item costs at `now`, booked once: what was charged for it, or 0 once refunded (cancelled before
    /// sending, or rejected by the operator, refunded as the rejection happens) or never charged (refused by the İYS
    /// gate). Every view of credit (the item, the package's statistics, `/sms/summary`) sums this, and `/user/credit`
    /// moves by the same amounts, so they always agree.
    package func charge(of item: Item, at now: Int64) -> Int {
        switch itemState(item, at: now) {
        case .cancelled, .rejectedByOperator: 0
        default: item.booked
        }
    }

    /// The `error` of a package in a failed state: why it could not be created (-2), why sending failed (-3: the
    /// operators were out), why every item was rejected (-1: the İYS gate, when it refused them all, else the operator).
    func error(in state: PackageState, tally: Tally) -> String? {
        switch state {
        case .creationFailed: DeliveryOutcome.notCreated.reportError
        case .sendingFailed: DeliveryOutcome.operatorOutage.reportError
        case .rejectedByOperator: (tally.noConsent == tally.items ? DeliveryOutcome.noConsent : .rejectedByOperator).reportError
        default: nil
        }
    }

    /// The `/sms/list` view of the package.
    package func summary(at now: Int64) -> SmsPackageSummary {
        let tally = tally(at: now)
        let state = state(at: now, tally: tally)
        return SmsPackageSummary(
            id: id, customID: customID, type: type, uuid: uuid, error: error(in: state, tally: tally), state: state, title: title, content: content,
            senders: [sender], encoding: encoding, validity: validity,
            statistics: .init(
                total: tally.segments, credit: tally.credit, rCount: tally.items, delivered: tally.delivered, undelivered: tally.undelivered
            ),
            isScheduled: isScheduled ? 1 : 0, sendingDate: TurkeyTime.date(startsAt),
            processingDate: now >= sentAt && (cancelledAt ?? .max) > sentAt ? TurkeyTime.processingDate(sentAt, salt: id) : nil,
            processInfo: PackageProcessInfo(create: .init(date: TurkeyTime.date(createdAt)), update: .init(date: TurkeyTime.date(lastChange(at: now))))
        )
    }

    /// The last instant up to `now` at which the package's state changed: its creation, the end of saving, the start
    /// of sending, the hand-over, the first reports, the time-out of what was not reported, or its cancellation.
    func lastChange(at now: Int64) -> Int64 {
        let cancelled = cancelledAt ?? .max
        let timeline = [savedAt, sendingAt, sentAt + lastDelay, reportAt + lastDelay, timeoutAt + lastDelay].filter { $0 < cancelled }
        return ([createdAt] + timeline + [cancelled]).filter { $0 <= now }.max() ?? createdAt
    }

    /// The `/sms/list-item` view of an item.
    package func view(_ item: Item, at now: Int64) -> PackageItem { view(item, at: now, packageState: state(at: now)) }

    /// The item as listed, with `packageState`, the package's state at `now`: a page or a report works it out once, since
    /// it counts every item (per item, a page of a 100 000-item package counted 100 000 items per row).
    package func view(_ item: Item, at now: Int64, packageState: PackageState) -> PackageItem {
        let state = itemState(item, at: now)
        let handedOver = now >= sentAt + item.delay && state != .cancelled
        let failed = state == .rejectedByOperator || (state == .cancelled && item.outcome == .notCreated)
        return PackageItem(
            id: item.id, msg: item.msg, error: failed ? item.outcome.reportError : nil, credit: charge(of: item, at: now), state: state,
            sender: sender, target: item.target,
            setState: packageState.rawValue,
            sendingDate: TurkeyTime.date(startsAt + item.delay),
            deliveryDate: state == .delivered ? finalAt(item, at: now).map { TurkeyTime.date($0) } : nil,
            processingDate: handedOver ? TurkeyTime.processingDate(sentAt + item.delay, salt: Self.salt(item.id)) : nil
        )
    }

    /// A number from an item's id (its digits, folded), for the fraction of its `processingDate`.
    static func salt(_ id: String) -> Int {
        id.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) % 1_000_003 }
    }
}
