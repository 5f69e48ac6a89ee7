import DequeModule
import Foundation
import MySoftIYS

/// The MySoft İYS API mock's state and rules, tested without HTTP: OAuth tokens that expire on the clock,
/// consents per brand (in the shared ``ConsentStore``), batches under transaction GUIDs, forwarding to İYS
/// that progresses 15 → 13 → 11 (or 18) on the clock, and webhooks to each brand's URL when consents change.
public actor IYSSimulation {
    let clock: any MockClock
    public nonisolated let store: ConsentStore
    let accounts: [String: IYSAccount]
    let forwarding: IYSForwarding
    let tokenLifetime: Int
    /// Live bearer tokens and their users.
    var tokens = TokenTable<String>()
    var batches: [String: IYSBatch] = [:]
    /// Webhook posts waiting for ``dueWebhooks()``; bounded, the oldest dropped (and counted).
    var outbox: Deque<(url: String, body: [UInt8])> = []
    static let outboxCapacity = 10_000
    /// Webhook posts dropped because the outbox was full.
    public private(set) var droppedWebhooks = 0

    public init(
        accounts: [IYSAccount], forwarding: IYSForwarding = .default, tokenLifetimeSeconds: Int = 86_399,
        store: ConsentStore = ConsentStore(), clock: any MockClock
    ) {
        self.accounts = Dictionary(accounts.map { ($0.username, $0) }, uniquingKeysWith: { first, _ in first })
        self.forwarding = forwarding
        self.tokenLifetime = tokenLifetimeSeconds
        self.store = store
        self.clock = clock
        let now = clock.now()
        for account in accounts {
            for brand in account.brands {
                for consent in brand.consents {
                    // Seeds are already on İYS: their forwarding is long over.
                    store.save(brand: brand.code, consent, at: now - 86_400_000, forwardingFails: false, transactionId: Self.transactionID())
                }
            }
        }
    }

    // MARK: OAuth

    /// `POST /oauth/token`: a bearer token for right credentials and `grant_type=password`.
    public func issueToken(_ request: TokenRequest) throws(OAuthError) -> OAuthToken {
        guard request.grantType == "password" else {
            throw OAuthError(error: "unsupported_grant_type", errorDescription: "grant_type must be password")
        }
        guard let account = accounts[request.username], account.password == request.password else {
            throw OAuthError(error: "invalid_grant", errorDescription: "The user name or password is incorrect.")
        }
        let now = clock.now()
        let token = RandomToken.make(length: 56)
        tokens.issue(token, account.username, expiresAt: now + Int64(tokenLifetime) * 1000, now: now)
        return OAuthToken(accessToken: token, expiresIn: tokenLifetime)
    }

    /// The user a bearer token belongs to, while it has not expired.
    public func user(forToken token: String) -> String? {
        guard let entry = tokens[token], clock.now() < entry.expiresAt else { return nil }
        return entry.record
    }

    // MARK: Brands

    /// `IYSBrands`: the account's brands with their consent counts.
    public func brands(of user: String) -> [Brand] {
        (accounts[user]?.brands ?? []).map { brand in
            let entries = store.entries(brand: brand.code)
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

    // MARK: Single consents

    /// `SendConsent`: validated, saved (forwarding to İYS begins) and returned as saved.
    public func sendConsent(for user: String, _ request: SendConsentRequest) throws(IYSError) -> ConsentRecord {
        let brand = try brand(request.brandCode, of: user)
        try request.consentData.validate()
        switch apply(request.consentData, brand: brand, heldFromIYS: request.isNotAutoSendIYS == true) {
        case .error(let message): throw IYSError(.HM400, message)
        case .inserted, .updated, .usedBefore: break
        }
        return try consentStatus(for: user, ConsentStatusRequest(
            brandCode: brand.code, recipient: request.consentData.recipient, recipientType: request.consentData.recipientType, type: request.consentData.type
        ))
    }

    /// `ConsentStatus`: the recorded consent, or `HM404`; with `isQueryFromIYS`, the consent as İYS has it (a consent
    /// held back in MySoft, or refused by İYS, is not there: İYS's previous one, or `HM404`).
    public func consentStatus(for user: String, _ request: ConsentStatusRequest) throws(IYSError) -> ConsentRecord {
        let brand = try brand(request.brandCode, of: user)
        let key = ConsentKey(recipient: request.recipient, type: request.type, recipientType: request.recipientType)
        let entry = store.entry(brand: brand.code, key: key)
        let consent = request.isQueryFromIYS == true ? entry?.onIYS : entry?.consent
        guard let entry, let consent else {
            let side = request.isQueryFromIYS == true ? "on İYS" : "in brand \(brand.code)"
            throw IYSError(.HM404, "no consent of \(request.recipient) for \(request.type.rawValue) (\(request.recipientType.rawValue)) \(side)")
        }
        var record = ConsentRecord(consent)
        if entry.isHeldFromIYS, request.isQueryFromIYS != true {
            record.explanation = Self.heldExplanation
        }
        record.retailerAccessCount = entry.consent.retailerAccess?.count ?? 0
        record.retailerTitle = entry.consent.retailerCode.map { "Bayi \($0)" }
        return record
    }

    /// `RecipientStatus`: every consent of a recipient in one brand, or in all the account's brands.
    public func recipientStatus(for user: String, _ request: RecipientStatusRequest) throws(IYSError) -> [ConsentRecord] {
        if request.recipient.isEmpty { throw .invalid("recipient", "is required") }
        let brands = try request.brandCode.map { code throws(IYSError) in [try brand(code, of: user)] } ?? (accounts[user]?.brands ?? [])
        let wanted = ConsentKey.normalized(request.recipient)
        var found: [ConsentRecord] = []
        for brand in brands {
            for entry in store.entries(brand: brand.code) where ConsentKey.normalized(entry.consent.recipient) == wanted {
                var record = forwardingView(
                    entry.consent, forwardedAt: entry.forwardedAt, fails: entry.forwardingFails, transactionId: entry.iysTransactionId, held: entry.isHeldFromIYS
                )
                record.brandCode = brand.code
                found.append(record)
            }
        }
        if found.isEmpty { throw IYSError(.HM404, "no consent of \(request.recipient)") }
        return found
    }

    // MARK: Applying a consent

    /// Decides what a valid consent does to the brand's book, and saves it when it changes something.
    /// The same status again is "used before", unless the recorded one was held back from İYS and this write is
    /// not (it sends it); a change dated before the recorded consent is refused. `heldFromIYS` saves in MySoft only.
    func apply(_ consent: ConsentData, brand: IYSBrandRecord, heldFromIYS: Bool = false) -> IYSBatch.Outcome {
        let key = ConsentKey(recipient: consent.recipient, type: consent.type, recipientType: consent.recipientType)
        let existing = store.entry(brand: brand.code, key: key)
        if let existing {
            let releases = existing.isHeldFromIYS && !heldFromIYS
            if existing.consent.status == consent.status, !releases { return .usedBefore }
            if let problem = Self.staleness(of: consent, against: existing.consent) { return .error(problem) }
        }
        let now = clock.now()
        store.save(
            brand: brand.code, consent, at: now, forwardingFails: forwarding.fails(consent.recipient), transactionId: Self.transactionID(),
            heldFromIYS: heldFromIYS
        )
        notify(brand: brand, consent)
        return existing.map { .updated(previous: $0.consent) } ?? .inserted
    }

    /// Why a change cannot replace the recorded consent: it is dated before it (İYS keeps the latest).
    static func staleness(of consent: ConsentData, against recorded: ConsentData) -> String? {
        guard recorded.status != consent.status, let old = recorded.consentDate, let date = consent.consentDate, date < old else { return nil }
        return "consentDate \(date) is earlier than the recorded consent's (\(old))"
    }

    static let heldExplanation = "MySoft İYS'de kayıtlı, İYS'ye gönderilmedi (isNotAutoSendIYS)"

    /// A record with the İYS forwarding fields as of now; a consent held back from İYS has none, and says why.
    func forwardingView(_ consent: ConsentData, forwardedAt: Int64, fails: Bool, transactionId: String?, held: Bool = false) -> ConsentRecord {
        var record = ConsentRecord(consent)
        if held {
            record.explanation = Self.heldExplanation
            return record
        }
        let status = forwarding.status(elapsed: clock.now() - forwardedAt, fails: fails)
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
    func notify(brand: IYSBrandRecord, _ consent: ConsentData) {
        guard let webhook = brand.webhook,
              let body = try? IYSJSON.encode(WebhookConsentModel(webHookKey: webhook.key, brandCode: brand.code, consentData: consent))
        else { return }
        if outbox.count >= Self.outboxCapacity {
            outbox.removeFirst()
            droppedWebhooks += 1
        }
        outbox.append((webhook.url, body))
    }

    /// The webhook posts queued since the last call.
    public func dueWebhooks() -> [(url: String, body: [UInt8])] {
        defer { outbox.removeAll() }
        return Array(outbox)
    }

    /// Hands the due webhook posts to the dispatcher, which retries them on the clock (``MockBackgroundWork`` does
    /// every 250 ms).
    public func enqueueWebhooks(to dispatcher: CallbackDispatcher) async {
        for (url, body) in dueWebhooks() { await dispatcher.enqueue(url: url, body: body) }
    }

    /// Hands the due webhook posts to the dispatcher and delivers what is due, for tests that advance the clock.
    public func deliverWebhooks(through dispatcher: CallbackDispatcher) async {
        await enqueueWebhooks(to: dispatcher)
        await dispatcher.drain()
    }

    /// A change made on İYS itself (the citizen replied to 3338, called, used the web or the app), as the
    /// mock's `POST /mock/iys/consent` injects it: saved with its `IYS_*` source, and the brand's webhook told.
    public func changeOnIYS(for user: String, brandCode: String, _ consent: ConsentData) throws(IYSError) -> ConsentRecord {
        let brand = try brand(brandCode, of: user)
        guard consent.source.isIYS else { throw .invalid("consentData.source", "a change on İYS has an IYS_* source") }
        var brandSide = consent
        brandSide.source = .physical
        try brandSide.validate()
        store.save(brand: brand.code, consent, at: clock.now() - Int64(forwarding.answerSeconds * 1000), forwardingFails: false, transactionId: Self.transactionID())
        notify(brand: brand, consent)
        return ConsentRecord(consent)
    }

    // MARK: Helpers

    static func transactionID() -> String {
        UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(26).description
    }
}
