import DequeModule
import Foundation
import MySoftIYS
import WireCoding

/// The MySoft İYS mock's state and the rules its calls share, as a value: OAuth tokens that expire on the clock,
/// batches under transaction GUIDs, the webhook outbox, and the brands' consents (``ConsentBook``, which the Node API's
/// commercial gate reads, lent for its calls). Each call's rule is an ``IYSTransition``, in a file named after the call;
/// ``IYSSimulation`` holds the state behind one lock.
package struct IYSState: Sendable {
    /// The brands' consents: owned here, lent to the Node API for its calls (``ProviderWorldState/withNodeAPI(_:)``).
    package var consents: ConsentBook
    package let accounts: [String: IYSAccount]
    let forwarding: IYSForwarding
    let tokenLifetime: Int
    /// Live bearer tokens and their users.
    var tokens = TokenTable<String>()
    /// Tokens, batch GUIDs and İYS transaction ids: a seeded world's answer the same bytes to the same calls.
    package var random: SeededRandom
    /// The logins minted for the world, by name (``WorldLogins``): each is its account, and its tokens start with the
    /// world's id.
    package var logins: [String: MintedLogin] = [:]
    private(set) var batches: [String: IYSBatch] = [:]
    /// Batches in the order they came, and the records they hold: the oldest are forgotten past ``maxBatchRecords``
    /// (a status query of one is `HM404`), so that batches of a client sending all day do not fill the memory.
    private var batchOrder: Deque<String> = []
    private var batchRecords = 0
    package static let maxBatchRecords = 200_000
    /// Webhook posts waiting for ``takeWebhooks()``; bounded, the oldest dropped (and counted).
    var outbox: Deque<(url: String, body: [UInt8])> = []
    static let outboxCapacity = 10_000
    /// Webhook posts dropped because the outbox was full.
    package private(set) var droppedWebhooks = 0

    package init(
        accounts: [IYSAccount], forwarding: IYSForwarding = .default, tokenLifetimeSeconds: Int = 86_399,
        maxConsents: Int = IYSScenario.defaultMaxConsents, now: Int64, random: SeededRandom = SeededRandom()
    ) {
        self.random = random
        var consents = ConsentBook(capacity: maxConsents)
        self.accounts = Dictionary(accounts.map { ($0.username, $0) }, uniquingKeysWith: { first, _ in first })
        self.forwarding = forwarding
        self.tokenLifetime = tokenLifetimeSeconds
        for account in accounts {
            for brand in account.brands {
                for consent in brand.consents {
                    // Seeds are already on İYS: their forwarding is long over.
                    _ = try? consents.save(brand: brand.code, consent, at: now - 86_400_000, forwardingFails: false, transactionId: self.random.transactionID())
                }
            }
        }
        self.consents = consents
    }

    // MARK: OAuth

    /// `POST /oauth/token`: a bearer token for right credentials and `grant_type=password`.
    package mutating func issueToken(_ request: TokenRequest, now: Int64) throws(OAuthError) -> OAuthToken {
        guard request.grantType == "password" else {
            throw OAuthError(error: "unsupported_grant_type", errorDescription: "grant_type must be password")
        }
        let minted = logins[request.username]
        guard let account = minted.map({ accounts[$0.account(password: request.password) ?? ""] }) ?? accounts[request.username].flatMap({ $0.password == request.password ? $0 : nil }) else {
            throw OAuthError(error: "invalid_grant", errorDescription: "The user name or password is incorrect.")
        }
        let token = minted.map { $0.token(random.token(length: 56)) } ?? random.token(length: 56)
        tokens.issue(token, account.username, expiresAt: now + Int64(tokenLifetime) * 1000, now: now)
        return OAuthToken(accessToken: token, expiresIn: tokenLifetime)
    }

    /// The user a bearer token belongs to, while it has not expired.
    package func user(forToken token: String, now: Int64) -> String? {
        guard let entry = tokens[token], now < entry.expiresAt else { return nil }
        return entry.record
    }

    // MARK: Brands

    /// `IYSBrands`: the account's brands with their consent counts.
    package func brands(of user: String) -> [Brand] {
        (accounts[user]?.brands ?? []).map { brand in
            let entries = consents.entries(brand: brand.code)
            let approved = entries.filter { $0.consent.status == .approved }.count
            return Brand(
                brandCode: Int(brand.code) ?? 0,
                stats: .init(consents: .init(approval: approved, rejection: entries.count - approved, total: entries.count), retailers: .init(total: brand.retailers)),
                name: brand.name, master: brand.master
            )
        }
    }

    /// The brand when the account may act for it; `HM404` otherwise (a token of another brand included).
    func brand(_ code: String, of user: String) throws(IYSError) -> IYSBrandRecord {
        guard let brand = accounts[user]?.brand(code) else {
            throw IYSError(.HM404, "brand \(code) is not one of this account's brands")
        }
        return brand
    }

    // MARK: Applying a consent

    /// Decides what a valid consent does to the brand's book, and saves it when it changes something.
    /// The same status again is "used before"; a change dated before the recorded consent is refused. Every consent saved
    /// is forwarded to İYS, asynchronously (API 2.13: `isNotAutoSendIYS` is "always true and asynchronous").
    mutating func apply(_ consent: ConsentData, brand: IYSBrandRecord, now: Int64) -> IYSBatch.Outcome {
        let key = ConsentKey(recipient: consent.recipient, type: consent.type, recipientType: consent.recipientType)
        let existing = consents.entry(brand: brand.code, key: key)
        if let existing {
            if existing.consent.status == consent.status { return .usedBefore }
            if let problem = Self.staleness(of: consent, against: existing.consent) { return .error(problem) }
        }
        do {
            try consents.save(
                brand: brand.code, consent, at: now, forwardingFails: forwarding.fails(consent.recipient), transactionId: random.transactionID()
            )
        } catch {
            return .error(error.message)
        }
        notify(brand: brand, consent)
        return existing.map { .updated(previous: $0.consent) } ?? .inserted
    }

    /// Why a change cannot replace the recorded consent: it is dated before it (İYS keeps the latest).
    static func staleness(of consent: ConsentData, against recorded: ConsentData) -> String? {
        guard recorded.status != consent.status, let old = recorded.consentDate, let date = consent.consentDate, date < old else { return nil }
        return "consentDate \(date) is earlier than the recorded consent's (\(old))"
    }

    /// A record with the İYS forwarding fields as of now.
    func forwardingView(_ consent: ConsentData, forwardedAt: Int64, fails: Bool, transactionId: String?, now: Int64) -> ConsentRecord {
        var record = ConsentRecord(consent)
        let status = forwarding.status(elapsed: now - forwardedAt, fails: fails)
        record.iysSendStatus = status
        if status == .sent {
            record.iysCreationDate = TurkeyTime.iysDate(forwardedAt + Int64(forwarding.answerSeconds * 1000))
            record.iysTransactionId = transactionId
        }
        if status == .failed { record.errorMessage = "İYS kaydı reddetti: alıcı doğrulanamadı" }
        return record
    }

    // MARK: Webhooks

    /// Queues a `WebhookConsentModel` post to the brand's webhook, if it has one.
    mutating func notify(brand: IYSBrandRecord, _ consent: ConsentData) {
        guard let webhook = brand.webhook,
              let body = try? IYSJSON.encode(WebhookConsentModel(webHookKey: webhook.key, brandCode: brand.code, consentData: consent))
        else { return }
        if outbox.count >= Self.outboxCapacity {
            outbox.removeFirst()
            droppedWebhooks += 1
        }
        outbox.append((webhook.url, body))
    }

    /// The webhook posts queued since the last call, taken out of the outbox.
    package mutating func takeWebhooks() -> [(url: String, body: [UInt8])] {
        defer { outbox.removeAll() }
        return Array(outbox)
    }

    /// A change made on İYS itself (the citizen replied to 3338, called, used the web or the app), as the
    /// mock's `POST /mock/iys/consent` injects it: saved with its `IYS_*` source, and the brand's webhook told.
    package mutating func changeOnIYS(for user: String, brandCode: String, _ consent: ConsentData, now: Int64) throws(IYSError) -> ConsentRecord {
        let brand = try brand(brandCode, of: user)
        guard consent.source.isIYS else { throw .invalid("consentData.source", "a change on İYS has an IYS_* source") }
        var brandSide = consent
        brandSide.source = .physical
        try brandSide.validate()
        do {
            try consents.save(brand: brand.code, consent, at: now - Int64(forwarding.answerSeconds * 1000), forwardingFails: false, transactionId: random.transactionID())
        } catch {
            throw IYSError(.HM400, error.message)
        }
        notify(brand: brand, consent)
        return ConsentRecord(consent)
    }

    // MARK: Batches and queries

    /// Keeps a batch under its GUID, forgetting the oldest beyond ``maxBatchRecords`` records in all.
    mutating func keep(_ batch: IYSBatch) {
        batches[batch.guid] = batch
        batchOrder.append(batch.guid)
        batchRecords += batch.records.count
        while batchRecords > Self.maxBatchRecords, batchOrder.count > 1, let oldest = batchOrder.popFirst() {
            batchRecords -= batches.removeValue(forKey: oldest)?.records.count ?? 0
        }
    }

    func batch(_ request: BatchTransactionRequest, of user: String) throws(IYSError) -> IYSBatch {
        let brand = try brand(request.brandCode, of: user)
        guard let batch = batches[request.transctionGuid.lowercased()], batch.owner == user, batch.brand == brand.code else {
            throw IYSError(.HM404, "no batch \(request.transctionGuid) in brand \(brand.code)")
        }
        return batch
    }

    static func errorView(_ record: IYSBatch.Record) -> ConsentRecord {
        var view = ConsentRecord(record.consent)
        if case .error(let message) = record.outcome {
            view.errorMessage = message
            view.portalStatus = 1
            view.portalStatusText = "Hatalı kayıt"
        }
        return view
    }

    /// Whether a recorded consent passes every filter of a `ConsentQuery`.
    func matches(_ entry: ConsentBook.Entry, _ request: ConsentQueryRequest) -> Bool {
        let consent = entry.consent
        if let types = request.type, !types.contains(consent.type) { return false }
        if let types = request.recipientType, !types.contains(consent.recipientType) { return false }
        if let sources = request.source, !sources.contains(consent.source) { return false }
        if let statuses = request.status, !statuses.contains(consent.status) { return false }
        if let mains = request.mainSource, !mains.contains(consent.source.mainSource) { return false }
        let received = TurkeyTime.iysDate(entry.receivedAt)
        if let start = request.sendDate, received < start { return false }
        if let end = request.sendDateEnd, end < received { return false }
        if request.consentDate != nil || request.consentDateEnd != nil {
            guard let date = consent.consentDate else { return false }
            if let start = request.consentDate, date < start { return false }
            if let end = request.consentDateEnd, end < date { return false }
        }
        if request.iysCreationDate != nil || request.iysCreationDateEnd != nil {
            let created = TurkeyTime.iysDate(entry.forwardedAt + Int64(forwarding.answerSeconds * 1000))
            if let start = request.iysCreationDate, created < start { return false }
            if let end = request.iysCreationDateEnd, end < created { return false }
        }
        return true
    }
}

extension IYSState {
    /// The İYS account that has the brand, if any (the admin API's consents name a brand, not an account).
    package func owner(ofBrand code: String) -> String? {
        accounts.values.sorted { $0.username < $1.username }.first { $0.brand(code) != nil }?.username
    }
}

extension IYSState: SimulationState {
    /// Now, while webhooks wait to be posted: the background work hands them to the dispatcher.
    package var nextDue: Int64? { outbox.isEmpty ? nil : Int64.min + 1 }
}
