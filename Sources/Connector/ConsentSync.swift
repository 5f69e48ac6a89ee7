import MySoftIYS
import ProviderClients

/// İYS sync mode (document 004): the platform keeps its own consent book; a change made on the platform is
/// pushed to İYS (MySoft) and kept only if İYS took it, and a change İYS reports by webhook is applied back,
/// once its key and brand are checked.
public actor ConsentSync {
    let iys: MySoftIYSClient
    let brandCode: String
    let webhookKey: String
    /// The platform's view: recipient (`+90…` or e-mail) and channel → the latest status.
    public private(set) var book: [Key: ConsentStatus] = [:]

    public struct Key: Sendable, Hashable {
        public var recipient: String
        public var channel: ConsentChannel

        public init(recipient: String, channel: ConsentChannel) {
            self.recipient = recipient
            self.channel = channel
        }
    }

    public init(iys: MySoftIYSClient, brandCode: String, webhookKey: String) {
        self.iys = iys
        self.brandCode = brandCode
        self.webhookKey = webhookKey
    }

    /// A consent given or withdrawn on the platform: sent to İYS, then recorded.
    public func record(_ consent: ConsentData) async throws(MySoftIYSClientError) -> ConsentRecord {
        let saved = try await iys.sendConsent(SendConsentRequest(brandCode: brandCode, consentData: consent))
        book[Key(recipient: consent.recipient, channel: consent.type)] = saved.consent.status
        return saved
    }

    /// A webhook post from İYS: applied when it carries this platform's key and brand.
    public func receive(webhook body: [UInt8]) throws(ConsentSyncError) {
        let change: WebhookConsentModel
        do { change = try IYSJSON.decode(WebhookConsentModel.self, from: body) } catch { throw .unreadable(error.message) }
        guard change.webHookKey == webhookKey else { throw .wrongKey }
        guard change.brandCode == brandCode else { throw .otherBrand(change.brandCode) }
        book[Key(recipient: change.consentData.recipient, channel: change.consentData.type)] = change.consentData.status
    }

    public func status(of recipient: String, channel: ConsentChannel) -> ConsentStatus? { book[Key(recipient: recipient, channel: channel)] }
}

/// A webhook the sync refused.
public enum ConsentSyncError: Error, Sendable, Hashable {
    case unreadable(String)
    case wrongKey
    case otherBrand(String)
}
