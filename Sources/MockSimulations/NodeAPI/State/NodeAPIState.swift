import DequeModule
import MySoftIYS
import NodeAPI
import WireCoding

/// The Node API mock's whole state and the rules every endpoint shares, as a value: each request type's transition
/// (``NodeAPITransition``, one file per endpoint) changes it through `mutating` operations that take `now` and return
/// the reply or the catalogue error. Tested without I/O; ``NodeAPISimulation`` holds it behind one lock.
///
/// Its parts each own their invariants: the accounts (credit, senders, blacklists), the ``PackageStore`` with its
/// indices, retention, refunds and reports, the address books with their indices and imports, and the ``OptOutLog``.
package struct NodeAPIState: Sendable {
    let rules: DeliveryRules
    let sendingHours: SendingHours?
    /// How opt-out SMS are read.
    let optOut: OptOutRules
    /// Most contacts one address book holds: more is `SMS43`, so that no user's imports grow the mock without end.
    let maxContactsPerBook: Int
    /// The İYS mock's consents, lent for each call by the world (``ProviderWorldState/withNodeAPI(_:)``): read by the
    /// commercial-SMS gate and written by contacts' İYS syncs. Nil outside a call, and for a Node API on its own: no gate.
    package var consents: ConsentBook?
    package var accounts: [String: NodeAPIAccount]
    /// The logins minted for the world, by name (``WorldLogins``): each calls as its account.
    package var logins: [String: MintedLogin] = [:]
    package var packages: PackageStore
    /// Each user's address book.
    package var books: [String: AddressBook] = [:]
    /// Users whose address book has an import waiting or being applied.
    var importing: Set<String> = []
    /// Contacts' İYS syncs in the order they fall due (each lasts the same time, so starting order is due order).
    var contactSyncs: Deque<ContactIYSSync.Due> = []
    var optOuts = OptOutLog()
    /// Package, contact, group and opt-out uuids, and İYS transaction ids of consents the contact sync writes.
    package var random = SeededRandom()
    /// The packages stored and rounds sent since ``takeStoredPackages()`` last ran: what a call did that others are told of.
    var stored: [StoredPackage] = []

    /// A package as a call stored it, or a round of a repeating package as it was sent (its new items' numbers), for the
    /// admin API's waits and event stream.
    package struct StoredPackage: Sendable, Hashable {
        package var pkgID: Int
        package var user: String
        package var recipients: Int
    }

    package init(
        accounts: [NodeAPIAccount], rules: DeliveryRules = .default, sendingHours: SendingHours? = nil,
        duplicateWindowMinutes: Int? = nil, optOut: OptOutRules = .default, retainedPackagesPerUser: Int = 100_000,
        retainedItems: Int = NodeAPIScenario.defaultRetainedItems, maxContactsPerBook: Int = 1_000_000, now: Int64
    ) {
        self.maxContactsPerBook = maxContactsPerBook
        self.optOut = optOut
        self.accounts = Dictionary(accounts.map { ($0.username, $0) }, uniquingKeysWith: { first, _ in first })
        self.rules = rules
        self.sendingHours = sendingHours
        packages = PackageStore(
            retainedPackagesPerUser: retainedPackagesPerUser, retainedItems: retainedItems, users: self.accounts.count,
            duplicateWindowMinutes: duplicateWindowMinutes, now: now
        )
    }

    /// The state a scenario describes.
    package init(scenario: NodeAPIScenario, now: Int64, random: SeededRandom = SeededRandom()) {
        self.init(
            accounts: scenario.accounts, rules: scenario.delivery, sendingHours: scenario.sendingHours,
            duplicateWindowMinutes: scenario.duplicateWindowMinutes, optOut: scenario.optOut,
            retainedPackagesPerUser: scenario.retainedPackagesPerUser, retainedItems: scenario.retainedItems, now: now
        )
        self.random = random
    }

    // MARK: Accounts

    /// The account `login` with `password` calls as: an account's own name, or a minted login's account; nil when wrong.
    package func account(login: String, password: String?) -> String? {
        if let account = accounts[login] { return account.password == password ? login : nil }
        return logins[login]?.account(password: password)
    }

    /// The dialect of the account `login` names (its own, or a minted login's), when it is not the document's.
    package func dialect(ofLogin login: String) -> NodeAPIDialect? {
        guard let account = accounts[login] ?? logins[login].flatMap({ accounts[$0.account] }), account.dialect != .document else { return nil }
        return account.dialect
    }

    func account(_ user: String) throws(NodeAPIError) -> NodeAPIAccount {
        guard let account = accounts[user] else { throw NodeAPIError(.unauthorizedRequest) }
        return account
    }

    /// The sender must be the account's and approved (for OTP too, when `otp`); a `gateway` must be one of the
    /// account's gateways and, when the sender lists gateways, one of the sender's.
    func checkSender(_ title: String, of account: NodeAPIAccount, otp: Bool, gateway: String? = nil) throws(NodeAPIError) {
        guard let sender = account.senders.first(where: { $0.title == title }) else {
            throw NodeAPIError(.invalidSmsSender, detail: "sender '\(title)' is not defined for this user")
        }
        guard sender.state == .approved else {
            throw NodeAPIError(.invalidSmsSender, detail: "sender '\(title)' is \(sender.state), not approved")
        }
        if otp, !sender.otpApproved {
            throw NodeAPIError(.invalidSmsSender, detail: "sender '\(title)' is not approved for OTP")
        }
        guard let gateway else { return }
        let known = account.gateways.map(\.uuid)
        guard known.contains(gateway) else {
            throw .invalid("gateway", "'\(gateway)' is not a gateway of this user (/sms/list-gateway lists \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
        }
        if !sender.gateways.isEmpty, !sender.gateways.contains(gateway) {
            throw .invalid("gateway", "'\(gateway)' is not defined for sender '\(title)' (its gateways: \(sender.gateways.joined(separator: ", ")))")
        }
    }

    /// Blacklists a number for the user (by an opt-out SMS, or by the user's own hand), or takes it off.
    mutating func setBlacklisted(_ number: String, _ blacklisted: Bool, of user: String, by exit: ExitType = .web) {
        if blacklisted { accounts[user]?.blacklist.insert(number) } else { accounts[user]?.blacklist.remove(number) }
        if blacklisted, exit == .mo { accounts[user]?.moExits.insert(number) } else { accounts[user]?.moExits.remove(number) }
    }

    /// How a blacklisted number left the user's list; nil when it is not blacklisted.
    func exitType(of number: String, for user: String) -> ExitType? {
        guard let account = accounts[user], account.blacklist.contains(number) else { return nil }
        return account.moExits.contains(number) ? .mo : .web
    }

    /// Refunds the credit of items the operator rejected as their rejections happen (batch by batch in a periodic package).
    mutating func settle(at now: Int64) {
        for (owner, credit) in packages.dueRefunds(at: now) { accounts[owner]?.credit += credit }
    }

    // MARK: Sending

    /// Builds the items (skipping invalid, blacklisted and repeated numbers), charges one credit per segment
    /// per recipient, and stores the package: what `create`, `create-otp`, `create-kvkk` and `recreate` share.
    mutating func store(user: String, _ draft: PackageDraft, now: Int64) throws(NodeAPIError) -> PackageCreated {
        settle(at: now)
        syncContactsWithIYS(at: now)
        if let sendingHours, !sendingHours.contains(TurkeyTime.date(draft.startsAt)) {
            throw NodeAPIError(.sms44, detail: "sending starts at \(TurkeyTime.date(draft.startsAt, style: .minutes).text), outside the sending hours")
        }
        let account = try account(user)
        let firstItemID = packages.nextItemID
        var seen = Set<String>()
        var items: [SmsPackageRecord.Item] = []
        items.reserveCapacity(draft.recipients.count)
        let sharedCredit = draft.content.map { SmsSegments(text: $0, encoding: draft.encoding).count } ?? 0
        let schedule = try draft.periodic.map { settings throws(NodeAPIError) in try PeriodicSchedule(settings, recipients: draft.recipients.count) }
        let gate = commercialGate(of: account, draft.commercial, draft.consentRecipientType)
        // A failing sender's package is not created at all: every item shares it.
        let created = !rules.failingSenders.contains(draft.sender)
        for (number, msg) in draft.recipients {
            guard let target = number.normalized, !account.blacklist.contains(target), seen.insert(target).inserted else { continue }
            let segments = msg.map { SmsSegments(text: $0, encoding: draft.encoding).count } ?? sharedCredit
            items.append(item(
                id: String(firstItemID + Int64(items.count)), to: target, msg: msg, segments: segments, created: created, gate: gate,
                delay: schedule?.delay(ofRecipient: items.count) ?? 0
            ))
        }
        if items.isEmpty { throw NodeAPIError(.emptySmsPackage, detail: "no valid, non-blacklisted number left") }
        // OTP packages neither meet the duplicate window nor fill it (see the README: the document's own sendOtp and
        // sendSms examples send one text to one number, and a login may send its code again).
        let fingerprint = packages.duplicates == nil || draft.type == .otp ? nil : PackageFingerprint(content: draft.content, items: items)
        if let fingerprint, !draft.isResend, let earlier = packages.duplicate(of: fingerprint, user: user, now: now) {
            throw NodeAPIError(
                .smsPackageDuplication,
                detail: "package \(earlier) sent the same content to the same numbers less than \(packages.duplicates?.minutes ?? 0) minutes ago"
            )
        }
        let cost = items.reduce(0) { $0 + $1.booked }
        if cost > account.credit {
            throw NodeAPIError(.sms18, detail: "the package needs \(cost) credit, the balance is \(account.credit)")
        }
        let id = packages.nextPackageID
        accounts[user]?.credit -= cost
        packages.add(SmsPackageRecord(
            id: id, uuid: random.uuid(), customID: draft.customID, owner: user, type: draft.type, sender: draft.sender,
            title: draft.title, content: draft.content, encoding: draft.encoding, validity: draft.validity, commercial: draft.commercial,
            recipientType: draft.recipientType, pushURL: draft.pushURL, periodic: draft.periodic, items: items, roundSize: items.count, createdAt: now, startsAt: draft.startsAt,
            isScheduled: draft.isScheduled, cancelledAt: nil, rules: rules, savedAt: now + DeliveryRules.savingMilliseconds(items: items.count)
        ), fingerprint: fingerprint)
        stored.append(StoredPackage(pkgID: id, user: user, recipients: items.count))
        return PackageCreated(pkgID: id)
    }

    /// The packages stored and rounds sent since the last call, in order; the simulation publishes them after its lock.
    package mutating func takeStoredPackages() -> [StoredPackage] {
        guard !stored.isEmpty else { return [] }
        defer { stored.removeAll() }
        return stored
    }

    /// The İYS gate of a package: a commercial SMS goes only to recipients whose consent is ONAY (for `type`, or either).
    func commercialGate(of account: NodeAPIAccount, _ commercial: Bool, _ type: RecipientType?) -> CommercialGate? {
        guard commercial, let brand = account.iysBrandCode, let consents else { return nil }
        return CommercialGate(brand: brand, consents: consents, recipientType: type)
    }

    /// An item to `target` as the scenario's rules and the İYS gate make it; not created when its package is not.
    func item(id: String, to target: String, msg: String?, segments: Int, created: Bool, gate: CommercialGate?, delay: Int64) -> SmsPackageRecord.Item {
        let `operator` = DeliveryRules.operator(for: target)
        let consented = gate?.allows(target) ?? true
        let outcome: DeliveryOutcome = !created ? .notCreated : consented ? rules.outcome(for: target, of: `operator`) : .noConsent
        return .init(id: id, target: target, msg: msg, segments: max(segments, 1), outcome: outcome, operator: `operator`, delay: delay)
    }

    // MARK: Reports

    /// Items in one report POST at most: a large package's reports are split, so that no body grows with the package.
    package static let itemsPerReport = 1000

    /// The delivery reports due since the last call: for each package with `pushSettings.url`, the items that reached
    /// a final state, once each, at most ``itemsPerReport`` per report, from the report schedule (nothing is scanned
    /// while nothing is due). Items whose number makes their callback fail (magic `…0004`) are never reported, as if
    /// every attempt of the provider had failed.
    package mutating func dueReports(at now: Int64) -> [(url: String, report: DeliveryReport)] {
        var due: [(url: String, report: DeliveryReport)] = []
        for (package, indices) in packages.dueReports(at: now) {
            guard let url = package.pushURL else { continue }
            let summary = package.summary(at: now)
            let userID = accounts[package.owner]?.userID ?? 1
            for start in stride(from: 0, to: indices.count, by: Self.itemsPerReport) {
                let items = indices[start..<min(start + Self.itemsPerReport, indices.count)].map { index in
                    package.view(package.items[index], at: now, packageState: summary.state)
                }
                due.append((url, DeliveryReport(pkg: summary, items: items, userID: userID)))
            }
        }
        return due
    }

    /// One page of a list, and the list's length.
    static func page<T>(_ all: [T], _ paging: Paging) -> (total: Int, slice: ArraySlice<T>) {
        (all.count, all[paging.window(in: all.count)])
    }

    /// One page of a sequence, and its length, keeping only the page: a list over 100 000 packages copies ten of them.
    static func page<T>(_ all: some Sequence<T>, _ paging: Paging) -> (total: Int, slice: ArraySlice<T>) {
        let window = paging.window(in: .max)
        var total = 0
        var slice: [T] = []
        for element in all {
            if window.contains(total) { slice.append(element) }
            total += 1
        }
        return (total, slice[...])
    }
}

extension Page {
    init<Source>(_ page: (total: Int, slice: ArraySlice<Source>), _ transform: (Source) -> Element) {
        self.init(totalRecord: page.total, list: page.slice.map(transform))
    }
}

extension NodeAPIState: SimulationState {
    /// The rounds of repeating packages due by `now` are sent before any call.
    package mutating func catchUp(at now: Int64) { repeatDueRounds(at: now) }

    /// Each package stored and round sent, as the event stream shows it.
    package mutating func takeEvents() -> [MockEvents.Event] {
        takeStoredPackages().map { .package(pkgID: $0.pkgID, user: $0.user, recipients: $0.recipients) }
    }
}
