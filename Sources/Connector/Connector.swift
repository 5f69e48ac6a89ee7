import MySoftIYS
import NodeAPI
import ProviderClients

/// The messaging platform's side of the providers (documents 000 and 004): picks the connection whose İYS type
/// matches the message, checks the sender against its list before any call, in İYS integrator mode drops
/// `CAMPAIGN` recipients without consent, and tries providers in rank order, moving down when a provider is unavailable
/// (no reply, timeout, 5xx, `SMS99`, `SMS50`) or refuses what another may not (no credit, wrong credentials, a sender
/// not approved there…: ``NodeAPIClientError/mayPassToAnotherProvider``), never after a refusal of the message itself
/// (an invalid number, empty content), which every provider would share.
public struct Connector: Sendable {
    public let configuration: ConnectorConfiguration
    let http: ProviderHTTP
    let iys: MySoftIYSClient?

    public init(_ configuration: ConnectorConfiguration, http: ProviderHTTP = ProviderHTTP(), iys: MySoftIYSClient? = nil) {
        self.configuration = configuration
        self.http = http
        self.iys = iys ?? configuration.iys.map {
            MySoftIYSClient(.init(baseURL: $0.apiUrl, username: $0.username, password: $0.password), http: http)
        }
    }

    /// Sends `message`; the report says which provider took it and why others were passed over.
    public func send(_ message: OutgoingSMS) async throws(ConnectorError) -> SendReport {
        var attempts: [SendReport.Attempt] = []
        var candidates: [(ProviderEntry, ProviderConnection)] = []
        for provider in configuration.ranked {
            guard let connection = provider.connection(for: message.type) else {
                attempts.append(.init(provider: provider.name, outcome: .skipped("no connection for \(message.type.rawValue)")))
                continue
            }
            guard connection.senderList.contains(message.sender) else {
                attempts.append(.init(provider: provider.name, outcome: .skipped("sender \(message.sender) is not in its senderList")))
                continue
            }
            candidates.append((provider, connection))
        }
        if candidates.isEmpty {
            let typed = configuration.providers.contains { $0.connection(for: message.type) != nil }
            throw typed ? .senderNotAllowed(sender: message.sender, type: message.type) : .noConnection(message.type)
        }
        var recipients = message.recipients
        var withoutConsent: [GSMNumber] = []
        if message.type == .campaign, let settings = configuration.iys, settings.mode == .integrator, let iys {
            let types = message.recipientType.map { [$0] } ?? [RecipientType.individual, .merchant]
            (recipients, withoutConsent) = try await Self.consented(recipients, brandCode: settings.brandCode, as: types, iys: iys)
            if recipients.isEmpty { return SendReport(provider: nil, packageID: nil, attempts: attempts, withoutConsent: withoutConsent) }
        }
        let request = message.request(to: recipients)
        for (provider, connection) in candidates {
            let client = NodeAPIClient(.init(
                baseURL: provider.baseURL(of: connection), username: connection.username, password: connection.password,
                transport: connection.transport ?? .json
            ), http: http)
            do {
                let created = try await client.send(request)
                attempts.append(.init(provider: provider.name, outcome: .sent(packageID: created.pkgID)))
                return SendReport(provider: provider.name, packageID: created.pkgID, attempts: attempts, withoutConsent: withoutConsent)
            } catch where error.meansUnavailable {
                attempts.append(.init(provider: provider.name, outcome: .unavailable(error.description)))
            } catch where error.mayPassToAnotherProvider {
                attempts.append(.init(provider: provider.name, outcome: .refusedHere(error.description)))
            } catch {
                attempts.append(.init(provider: provider.name, outcome: .refused(error.description)))
                throw .refused(provider: provider.name, error, attempts: attempts)
            }
        }
        throw .noProviderTook(attempts: attempts)
    }

    /// The recipients with `MESAJ` consent `ONAY` in the brand as one of `types` (asked in order, until one is `ONAY`), and
    /// those without (no record counts as none).
    static func consented(
        _ recipients: [GSMNumber], brandCode: String, as types: [RecipientType], iys: MySoftIYSClient
    ) async throws(ConnectorError) -> ([GSMNumber], [GSMNumber]) {
        var allowed: [GSMNumber] = []
        var refused: [GSMNumber] = []
        for number in recipients {
            guard let normalized = number.normalized else {
                refused.append(number)
                continue
            }
            let recipient = "+" + normalized
            var approved = false
            for type in types where !approved {
                do {
                    let record = try await iys.consentStatus(ConsentStatusRequest(brandCode: brandCode, recipient: recipient, recipientType: type, type: .message))
                    approved = record.consent.status == .approved
                } catch {
                    guard case .provider(let problem) = error, problem.code == .HM404 else { throw .consentCheckFailed(error) }
                }
            }
            if approved { allowed.append(number) } else { refused.append(number) }
        }
        return (allowed, refused)
    }
}

/// A message as the platform hands it to the connector.
public struct OutgoingSMS: Sendable, Hashable {
    public var type: IYSMessageType
    public var sender: String
    public var recipients: [GSMNumber]
    public var text: String
    public var title: String
    /// The İYS recipient type a `CAMPAIGN` is for: BIREYSEL (individuals), TACIR (merchants), or nil for either. In
    /// integrator mode a recipient's consent is asked for this type (for each, when nil), and the provider is told it.
    public var recipientType: RecipientType?

    public init(
        type: IYSMessageType, sender: String, recipients: [GSMNumber], text: String, title: String = "Connector", recipientType: RecipientType? = nil
    ) {
        self.type = type
        self.sender = sender
        self.recipients = recipients
        self.text = text
        self.title = title
        self.recipientType = recipientType
    }

    /// The Node API request: one number or one-to-many, `commercial` and its `recipientType` for `CAMPAIGN`.
    func request(to numbers: [GSMNumber]) -> CreateSmsRequest {
        let recipientType: IysRecipientType? = switch (type, self.recipientType) {
        case (.campaign, .individual): .individual
        case (.campaign, .merchant): .merchant
        default: nil
        }
        return CreateSmsRequest(
            recipients: numbers.count == 1 ? .single(numbers[0]) : .oneToMany(numbers), sender: sender, title: title, content: text,
            commercial: type == .campaign ? true : nil, extras: SendingExtras(recipientType: recipientType)
        )
    }
}

/// What the connector did with a message.
public struct SendReport: Sendable, Hashable {
    public struct Attempt: Sendable, Hashable, CustomStringConvertible {
        public enum Outcome: Sendable, Hashable {
            case sent(packageID: Int)
            case skipped(String)
            case unavailable(String)
            /// Refused for a reason another provider may not share: the next one is tried.
            case refusedHere(String)
            case refused(String)
        }

        public var provider: String
        public var outcome: Outcome

        public var description: String {
            switch outcome {
            case .sent(let id): "\(provider): sent, package \(id)"
            case .skipped(let why): "\(provider): skipped, \(why)"
            case .unavailable(let why): "\(provider): unavailable, \(why)"
            case .refusedHere(let why): "\(provider): refused here, trying the next provider: \(why)"
            case .refused(let why): "\(provider): refused, \(why)"
            }
        }
    }

    /// The provider that took the message; nil when no recipient had consent.
    public var provider: String?
    public var packageID: Int?
    public var attempts: [Attempt]
    /// `CAMPAIGN` recipients dropped in integrator mode for want of `ONAY`.
    public var withoutConsent: [GSMNumber]
}

/// Why the connector did not send.
public enum ConnectorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No provider has a connection for the message's İYS type.
    case noConnection(IYSMessageType)
    /// Connections for the type exist, but none lists the sender.
    case senderNotAllowed(sender: String, type: IYSMessageType)
    /// A provider refused the message itself (a bad number, empty content…), as every provider would: no fail-over.
    case refused(provider: String, NodeAPIClientError, attempts: [SendReport.Attempt])
    /// Every provider was unavailable or refused for a reason of its own (``SendReport/Attempt/Outcome/refusedHere(_:)``).
    case noProviderTook(attempts: [SendReport.Attempt])
    /// İYS could not be asked (integrator mode): nothing is sent without the check.
    case consentCheckFailed(MySoftIYSClientError)

    public var description: String {
        switch self {
        case .noConnection(let type): "no provider has a connection for \(type.rawValue) messages"
        case .senderNotAllowed(let sender, let type): "sender \(sender) is in no \(type.rawValue) connection's senderList"
        case .refused(let provider, let error, _): "\(provider) refused the message: \(error)"
        case .noProviderTook(let attempts): "no provider took the message: " + attempts.map(\.description).joined(separator: "; ")
        case .consentCheckFailed(let error): "the İYS consent check failed: \(error)"
        }
    }
}
