import DequeModule
import Foundation
import NodeAPI

/// The mock SMS provider's state and rules, shared by its JSON and SOAP faces and tested without HTTP.
///
/// Every operation takes the caller's username (already authenticated with ``authenticate(username:password:)``)
/// and a decoded request, and returns the reply's `data` or throws the catalogue's error raised by the
/// condition that raises it on the real service. Time comes from the injected clock; package and item
/// states follow from it (see ``SmsPackageRecord``). Being an actor, it serialises sends, so credit is
/// never spent twice.
public actor NodeAPISimulation {
    let clock: any MockClock
    private let rules: DeliveryRules
    private let sendingHours: SendingHours?
    var accounts: [String: NodeAPIAccount]
    /// Username → password, fixed for the simulation's life: authentication needs no hop onto the actor.
    nonisolated let passwords: [String: String]
    var packages: [Int: SmsPackageRecord] = [:]
    /// Package ids per owner, oldest first: a deque, so that forgetting the oldest costs nothing.
    var packagesByOwner: [String: Deque<Int>] = [:]
    /// Every package id, oldest first, for the item retention (ids of packages already forgotten are skipped).
    private(set) var packageOrder: Deque<Int> = []
    /// The retention weight of the packages kept (``SmsPackageRecord/retentionWeight``).
    private var retainedItemCount = 0
    /// Operator rejections to refund as they happen (batch by batch in a periodic package).
    private var refunds = DueSchedule()
    /// Each user's packages by `customID`.
    var customIDs: [String: [String: Int]] = [:]
    /// Recent packages by content and numbers (`ERR_SMS_PKG_DUPLICATION`); off when nil.
    var duplicates: DuplicateWindow?
    /// Delivery reports to push as items reach a final state, for packages with a push URL.
    var reports = DueSchedule()
    /// The İYS mock's consents, read by the commercial-SMS gate; no gate when nil.
    let consents: ConsentStore?
    /// Packages kept per user, and items kept in all; older packages are forgotten (see ``forgetOldPackages(of:)``).
    let retainedPackagesPerUser: Int
    let retainedItems: Int
    /// How opt-out SMS are read, and each user's opt-out requests with the instant they arrived.
    let optOut: OptOutRules
    var optOutRequests: [String: Deque<(request: MoRequest, at: Int64)>] = [:]
    /// Each user's address book.
    var books: [String: AddressBook] = [:]
    /// Users whose address book has an import waiting or being applied.
    var importing: Set<String> = []
    /// Contacts' İYS syncs in the order they fall due (each lasts the same time, so starting order is due order).
    var contactSyncs: Deque<ContactIYSSync.Due> = []
    /// Most contacts one address book holds: more is `SMS43`, so that no user's imports grow the mock without end.
    let maxContactsPerBook: Int
    /// Package, contact, group and opt-out uuids.
    var uuids = UUIDGenerator()
    private var nextPackageID: Int
    private var nextItemID: Int64

    public init(
        accounts: [NodeAPIAccount], rules: DeliveryRules = .default, sendingHours: SendingHours? = nil,
        duplicateWindowMinutes: Int? = nil, optOut: OptOutRules = .default, retainedPackagesPerUser: Int = 100_000,
        retainedItems: Int = NodeAPIScenario.defaultRetainedItems, maxContactsPerBook: Int = 1_000_000, consents: ConsentStore? = nil,
        clock: any MockClock
    ) {
        self.maxContactsPerBook = maxContactsPerBook
        self.consents = consents
        self.retainedPackagesPerUser = max(retainedPackagesPerUser, 1)
        let retainedItems = max(retainedItems, 1)
        self.retainedItems = retainedItems
        // The window never needs more entries than packages are kept: at most one per item, and the per-user retention
        // for each user. A package forgotten by retention is no duplicate.
        let (perUsers, overflow) = self.retainedPackagesPerUser.multipliedReportingOverflow(by: max(accounts.count, 1))
        let keptPackages = min(retainedItems, overflow ? .max : perUsers)
        duplicates = duplicateWindowMinutes.map { DuplicateWindow(minutes: $0, capacity: keptPackages) }
        self.optOut = optOut
        self.accounts = Dictionary(accounts.map { ($0.username, $0) }, uniquingKeysWith: { first, _ in first })
        self.passwords = self.accounts.mapValues(\.password)
        self.rules = rules
        self.sendingHours = sendingHours
        // Ids start from the clock, so that a restarted mock never hands out an id it handed out before: a client
        // holding an old pkgID would silently read another package.
        nextPackageID = IDStart.fromClock(clock.now(), perMillisecond: 100, floor: 100_001)
        nextItemID = Int64(IDStart.fromClock(clock.now(), perMillisecond: 10_000, floor: 12_345_678_910))
        self.clock = clock
        // Room for one user's retained packages from the start: growing the table later moves every package at
        // once, inside one request. With this, the worst latency of a first 8 s JSON load at 64 connections fell
        // from 65 ms to 27 ms, and its p99 from 16 to 10 ms. Room not yet written to is not resident.
        packages.reserveCapacity(min(self.retainedPackagesPerUser, retainedItems))
    }

    /// The simulation a scenario describes; with `consents`, commercial packages pass the İYS gate.
    public init(scenario: NodeAPIScenario, consents: ConsentStore? = nil, clock: any MockClock) {
        self.init(
            accounts: scenario.accounts, rules: scenario.delivery, sendingHours: scenario.sendingHours,
            duplicateWindowMinutes: scenario.duplicateWindowMinutes, optOut: scenario.optOut,
            retainedPackagesPerUser: scenario.retainedPackagesPerUser, retainedItems: scenario.retainedItems, consents: consents, clock: clock
        )
    }

    // MARK: Accounts

    /// The username when the credentials are right; `ERR_UNAUTHORIZED_REQUEST` (401) otherwise.
    public nonisolated func authenticate(username: String?, password: String?) throws(NodeAPIError) -> String {
        guard let username, let expected = passwords[username], expected == password else {
            throw NodeAPIError(.unauthorizedRequest)
        }
        return username
    }

    /// `/user/credit`.
    public func userCredit(of user: String) throws(NodeAPIError) -> UserCredit {
        settle()
        return UserCredit(credit: try account(user).credit)
    }

    /// `/sms/list-sender`: filtered by keyword (case-insensitive) and state, paged.
    public func listSenders(of user: String, _ request: ListSendersRequest) throws(NodeAPIError) -> Page<Sender> {
        let senders = try account(user).senders.filter { sender in
            (request.status.map { sender.state == $0 } ?? true)
                && (request.keyword.map { TurkishText.contains(sender.title, $0) } ?? true)
        }
        return Page(Self.page(senders, request.paging)) { Sender(uuid: $0.uuid, status: $0.state, title: $0.title) }
    }

    // MARK: Sending

    /// `/sms/create`.
    public func createSms(for user: String, _ request: CreateSmsRequest) throws(NodeAPIError) -> PackageCreated {
        let now = clock.now()
        try request.validate(now: TurkeyTime.date(now, style: .minutes))
        let account = try account(user)
        try checkSender(request.sender, of: account, otp: false)
        if request.commercial == true, !account.hasIysSettings { throw NodeAPIError(.sms30) }
        try checkCustomID(request.customID, of: user)
        let recipients: [(number: GSMNumber, msg: String?)] = switch request.recipients {
        case .single(let number): [(number, nil)]
        case .oneToMany(let numbers): numbers.map { ($0, nil) }
        case .manyToMany(let messages): messages.map { ($0.nr, $0.msg) }
        case .personalised(let fields, let numbers): Self.personalised(numbers, fields: fields, content: request.content ?? "")
        }
        let startsAt = request.sendingDate.map(TurkeyTime.milliseconds) ?? now
        return try store(user: user, PackageDraft(
            recipients: recipients, content: request.content, encoding: request.encoding ?? .gsm7, type: request.type,
            sender: request.sender, title: request.title, validity: request.validity ?? FieldRules.defaultValidity,
            commercial: request.commercial ?? false, pushURL: request.pushSettings?.url, customID: request.customID,
            periodic: request.periodicSettings, startsAt: max(startsAt, now), isScheduled: request.sendingDate != nil,
            recipientType: request.extras.recipientType
        ), now: now)
    }

    /// Each recipient with the content as they get it; the content is cut into text and fields once.
    static func personalised(_ numbers: [PersonalisedNumber], fields: [String], content: String) -> [(number: GSMNumber, msg: String?)] {
        let template = PersonalisedText(template: content, fields: fields)
        return numbers.map { ($0.nr, template.text(with: $0.cfs)) }
    }

    /// `/sms/create-otp`: only from a sender approved for OTP.
    public func createOtp(for user: String, _ request: CreateOtpRequest) throws(NodeAPIError) -> PackageCreated {
        let now = clock.now()
        try request.validate()
        let account = try account(user)
        try checkSender(request.sender, of: account, otp: true)
        if request.commercial == true, !account.hasIysSettings { throw NodeAPIError(.sms30) }
        try checkCustomID(request.customID, of: user)
        return try store(user: user, PackageDraft(
            recipients: [(request.number, nil)], content: request.content, encoding: request.encoding ?? .gsm7, type: .otp,
            sender: request.sender, title: "OTP", validity: request.validity ?? FieldRules.defaultOtpValidity,
            commercial: request.commercial ?? false, pushURL: request.pushSettings?.url, customID: request.customID,
            periodic: nil, startsAt: now, isScheduled: false
        ), now: now)
    }

    /// `/sms/cancel`: only before sending starts (`SMS07` after, `SMS06` for an unknown package);
    /// the credit of every item comes back.
    public func cancel(for user: String, _ request: CancelSmsRequest) throws(NodeAPIError) -> StatusReply {
        let now = clock.now()
        let id = try packageID(request.package, of: user)
        guard var package = packages[id] else { throw NodeAPIError(.sms06) }
        guard package.isChangeable(at: now) else {
            throw NodeAPIError(.sms07, detail: "package \(id) is \(package.state(at: now))")
        }
        package.cancelledAt = now
        packages[id] = package
        accounts[user]?.credit += package.items.reduce(0) { $0 + $1.booked }
        refunds.remove(package: id)
        // Every item is final now, as cancelled: its report is due at once.
        reports.moveRemaining(of: id, to: now)
        return StatusReply(status: 1)
    }

    // MARK: Reports

    /// `/sms/list`: the user's packages, newest first, filtered and paged.
    public func listPackages(of user: String, _ request: ListSmsRequest) throws(NodeAPIError) -> Page<SmsPackageSummary> {
        let now = clock.now()
        _ = try account(user)
        let matching = (packagesByOwner[user] ?? []).reversed().compactMap { packages[$0] }.filter { Self.matches($0, request, at: now) }
        return Page(Self.page(matching, request.paging)) { $0.summary(at: now) }
    }

    /// `/sms/list-item`: a package's items, filtered by target, operator and state, paged.
    public func listItems(of user: String, _ request: ListSmsItemsRequest) throws(NodeAPIError) -> Page<PackageItem> {
        let now = clock.now()
        let id = try packageID(request.package, of: user)
        guard let package = packages[id] else { throw NodeAPIError(.sms06) }
        let target = request.target.map { GSMNumber($0).normalized ?? $0 }
        let items = package.items.filter { item in
            (target.map { item.target == $0 } ?? true)
                && (request.operator.map { item.operator == $0 } ?? true)
                && (request.state.map { package.itemState(item, at: now) == $0 } ?? true)
        }
        return Page(Self.page(items, request.paging)) { package.view($0, at: now) }
    }

    /// `/sms/summary`: totals over the packages that start within the range (all when none is given).
    public func summary(of user: String, _ request: SmsSummaryRequest) throws(NodeAPIError) -> SmsSummary {
        let now = clock.now()
        _ = try account(user)
        var summary = SmsSummary(total: 0, delivered: 0, undelivered: 0, pending: 0, rCount: 0, credit: 0)
        for id in packagesByOwner[user] ?? [] {
            guard let package = packages[id] else { continue }
            if let start = request.startDate, package.startsAt < TurkeyTime.milliseconds(start) { continue }
            if let finish = request.finishDate, package.startsAt > TurkeyTime.milliseconds(finish) { continue }
            // Counted in segments, as the package's statistics.total; credit as booked (``SmsPackageRecord/charge(of:at:)``).
            for item in package.items {
                summary.total += item.segments
                summary.credit += package.charge(of: item, at: now)
                summary.rCount += 1
                switch package.itemState(item, at: now) {
                case .delivered: summary.delivered += item.segments
                case .undelivered, .timedOut, .rejectedByOperator: summary.undelivered += item.segments
                case .sent: summary.pending += item.segments
                case .cancelled, .pending, .sending: break
                }
            }
        }
        return summary
    }

    // MARK: Rules

    func account(_ user: String) throws(NodeAPIError) -> NodeAPIAccount {
        guard let account = accounts[user] else { throw NodeAPIError(.unauthorizedRequest) }
        return account
    }

    func checkSender(_ title: String, of account: NodeAPIAccount, otp: Bool) throws(NodeAPIError) {
        guard let sender = account.senders.first(where: { $0.title == title }) else {
            throw NodeAPIError(.invalidSmsSender, detail: "sender '\(title)' is not defined for this user")
        }
        guard sender.state == .approved else {
            throw NodeAPIError(.invalidSmsSender, detail: "sender '\(title)' is \(sender.state), not approved")
        }
        if otp, !sender.otpApproved {
            throw NodeAPIError(.invalidSmsSender, detail: "sender '\(title)' is not approved for OTP")
        }
    }

    private func checkCustomID(_ customID: String?, of user: String) throws(NodeAPIError) {
        guard let customID else { return }
        if customIDs[user]?[customID] != nil { throw NodeAPIError(.sms42, detail: "customID '\(customID)'") }
    }

    func packageID(_ reference: PackageReference, of user: String) throws(NodeAPIError) -> Int {
        let found: Int? = switch reference {
        case .id(let id): packages[id]?.owner == user ? id : nil
        case .uuid(let uuid): (packagesByOwner[user] ?? []).first { packages[$0]?.uuid == uuid }
        case .customID(let customID): customIDs[user]?[customID]
        }
        guard let found else { throw NodeAPIError(.sms06) }
        return found
    }

    /// Builds the items (skipping invalid, blacklisted and repeated numbers), charges one credit per segment
    /// per recipient, and stores the package.
    func store(user: String, _ draft: PackageDraft, now: Int64) throws(NodeAPIError) -> PackageCreated {
        settle()
        syncContactsWithIYS()
        if let sendingHours, !sendingHours.contains(TurkeyTime.date(draft.startsAt)) {
            throw NodeAPIError(.sms44, detail: "sending starts at \(TurkeyTime.date(draft.startsAt, style: .minutes).text), outside the sending hours")
        }
        let account = try account(user)
        var seen = Set<String>()
        var items: [SmsPackageRecord.Item] = []
        items.reserveCapacity(draft.recipients.count)
        let sharedCredit = draft.content.map { SmsSegments(text: $0, encoding: draft.encoding).count } ?? 0
        let schedule = try draft.periodic.map { settings throws(NodeAPIError) in try PeriodicSchedule(settings, recipients: draft.recipients.count) }
        // The İYS gate: a commercial SMS goes only to recipients whose consent is ONAY.
        let gate = draft.commercial ? account.iysBrandCode.flatMap { brand in consents.map { (brand, $0) } } : nil
        // A failing sender's package is not created at all: every item shares it.
        let created = !rules.failingSenders.contains(draft.sender)
        for (number, msg) in draft.recipients {
            guard let target = number.normalized, !account.blacklist.contains(target), seen.insert(target).inserted else { continue }
            let segments = msg.map { SmsSegments(text: $0, encoding: draft.encoding).count } ?? sharedCredit
            let consented = gate.map { $0.1.allowsCommercialSMS(brand: $0.0, number: target, as: draft.consentRecipientType) } ?? true
            let `operator` = DeliveryRules.operator(for: target)
            let outcome: DeliveryOutcome = !created ? .notCreated : consented ? rules.outcome(for: target, of: `operator`) : .noConsent
            items.append(.init(
                id: String(nextItemID + Int64(items.count)), target: target, msg: msg, segments: max(segments, 1),
                outcome: outcome, operator: `operator`,
                delay: schedule?.delay(ofRecipient: items.count, from: draft.startsAt) ?? 0
            ))
        }
        if items.isEmpty { throw NodeAPIError(.emptySmsPackage, detail: "no valid, non-blacklisted number left") }
        let fingerprint = duplicates == nil ? nil : PackageFingerprint(content: draft.content, items: items)
        if let fingerprint, !draft.isResend,
           let earlier = duplicates?.duplicate(of: fingerprint, user: user, now: now, counts: { packages[$0].map { $0.cancelledAt == nil } ?? false }) {
            throw NodeAPIError(.smsPackageDuplication, detail: "package \(earlier) sent the same content to the same numbers less than \(duplicates?.minutes ?? 0) minutes ago")
        }
        let cost = items.reduce(0) { $0 + $1.booked }
        if cost > account.credit {
            throw NodeAPIError(.sms18, detail: "the package needs \(cost) credit, the balance is \(account.credit)")
        }
        let id = nextPackageID
        nextPackageID += 1
        nextItemID += Int64(items.count)
        accounts[user]?.credit -= cost
        let record = SmsPackageRecord(
            id: id, uuid: uuids.next(), customID: draft.customID, owner: user, type: draft.type, sender: draft.sender,
            title: draft.title, content: draft.content, encoding: draft.encoding, validity: draft.validity, commercial: draft.commercial,
            pushURL: draft.pushURL, periodic: draft.periodic, items: items, createdAt: now, startsAt: draft.startsAt,
            isScheduled: draft.isScheduled, cancelledAt: nil, rules: rules, savedAt: now + DeliveryRules.savingMilliseconds(items: items.count)
        )
        packages[id] = record
        packagesByOwner[user, default: []].append(id)
        packageOrder.append(id)
        retainedItemCount += record.retentionWeight
        if let customID = draft.customID { customIDs[user, default: [:]][customID] = id }
        if let fingerprint { duplicates?.record(fingerprint, user: user, id: id, now: now) }
        refunds.add(package: id, items: items.indices.compactMap { index in
            items[index].outcome.isRefundedAtHandOver ? (record.sentAt + items[index].delay, index) : nil
        })
        if draft.pushURL != nil {
            // An item whose callback fails (magic …0004) is never reported, as if every attempt had failed.
            reports.add(package: id, items: items.indices.compactMap { index in
                items[index].outcome == .callbackFails ? nil : (record.finalAt(items[index]), index)
            })
        }
        forgetOldPackages(of: user)
        return PackageCreated(pkgID: id)
    }

    /// Keeps memory flat under sustained load: past `retainedPackagesPerUser` of a user's packages, or past
    /// `retainedItems` items in all, the oldest packages are forgotten as each new one is stored, as a provider archives
    /// old reports. Memory follows items, not packages: a 100 000-number package weighs what 100 000 small ones do.
    /// One package at a time, so that no request pays for a batch (forgetting 10 000 at once made a load's p99 jump);
    /// the newest package is always kept.
    private func forgetOldPackages(of user: String) {
        while (packagesByOwner[user]?.count ?? 0) > retainedPackagesPerUser, let id = packagesByOwner[user]?.popFirst() {
            forget(id)
        }
        while retainedItemCount > retainedItems, packageOrder.count > 1, let id = packageOrder.popFirst() {
            guard let owner = packages[id]?.owner else { continue }
            // The globally oldest package is its owner's oldest too.
            if packagesByOwner[owner]?.first == id { packagesByOwner[owner]?.removeFirst() }
            forget(id)
        }
        // Packages forgotten per user stay in the global order until it is compacted: once it holds twice what is kept,
        // so that each package costs O(1) over its life and the order never outgrows the packages.
        if packageOrder.count > 2 * packages.count + 1024 { packageOrder = Deque(packageOrder.filter { packages[$0] != nil }) }
    }

    private func forget(_ id: Int) {
        guard let package = packages.removeValue(forKey: id) else { return }
        if let customID = package.customID { customIDs[package.owner]?[customID] = nil }
        retainedItemCount -= package.retentionWeight
        reports.remove(package: id)
        refunds.remove(package: id)
    }

    /// Refunds the credit of items the operator rejected as their rejections happen (batch by batch
    /// in a periodic package).
    private func settle() {
        for (id, indices) in refunds.due(at: clock.now()) {
            guard let package = packages[id] else { continue }
            accounts[package.owner]?.credit += indices.reduce(0) { $0 + package.items[$1].booked }
        }
    }

    /// Whether a package passes every filter of a `/sms/list` request.
    private static func matches(_ package: SmsPackageRecord, _ request: ListSmsRequest, at now: Int64) -> Bool {
        if let ids = request.ids, !ids.contains(package.id) { return false }
        if let customIDs = request.customIDs, !(package.customID.map(customIDs.contains) ?? false) { return false }
        if let keyword = request.keyword, !(package.content.map { TurkishText.contains($0, keyword) } ?? false) { return false }
        if let sender = request.sender, package.sender != sender { return false }
        if let status = request.status, !matches(status, package, at: now) { return false }
        if let start = request.startDate, package.startsAt < TurkeyTime.milliseconds(start) { return false }
        if let finish = request.finishDate, package.startsAt > TurkeyTime.milliseconds(finish) { return false }
        return true
    }

    private static func matches(_ filter: PackageFilter, _ package: SmsPackageRecord, at now: Int64) -> Bool {
        let state = package.state(at: now)
        switch filter {
        case .all: return true
        case .queued: return state == .saving || state == .queueing || (state == .pending && !package.isScheduled)
        case .processing: return state == .sending || state == .sent || state == .partlyReported
        case .scheduled: return package.isScheduled && state == .pending
        case .periodic: return package.periodic != nil
        case .completed: return state == .complete
        case .cancelled: return state == .cancelled
        case .failed: return state == .sendingFailed || state == .creationFailed || state == .rejectedByOperator
        }
    }

    static func page<T>(_ all: [T], _ paging: Paging) -> (total: Int, slice: ArraySlice<T>) {
        (all.count, all[paging.window(in: all.count)])
    }
}

extension Page {
    init<Source>(_ page: (total: Int, slice: ArraySlice<Source>), _ transform: (Source) -> Element) {
        self.init(totalRecord: page.total, list: page.slice.map(transform))
    }
}
