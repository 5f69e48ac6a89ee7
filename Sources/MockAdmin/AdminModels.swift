import EuromsgExpress
import Foundation
@_spi(MockInternals) import MockSimulations
import MySoftIYS
import NodeAPI

/// The admin API's JSON shapes (`/__admin/…`, see ``AdminRoutes``).
public enum AdminModels {
    /// `GET /__admin/clock` and the reply of every clock change.
    public struct Clock: Codable, Sendable, Equatable {
        public var mode: SwitchableClock.Mode
        /// ISO 8601, UTC, with milliseconds.
        public var now: String
        public var epochMillis: Int64

        package init(mode: SwitchableClock.Mode, now: String, epochMillis: Int64) {
            self.mode = mode
            self.now = now
            self.epochMillis = epochMillis
        }
    }

    /// `POST /__admin/clock`: either or both.
    public struct ClockChange: Codable, Sendable {
        public var mode: SwitchableClock.Mode?
        public var now: String?

        public init(mode: SwitchableClock.Mode? = nil, now: String? = nil) {
            self.mode = mode
            self.now = now
        }
    }

    /// `POST /__admin/clock/advance`.
    public struct Advance: Codable, Sendable {
        public var seconds: Double

        public init(seconds: Double) {
            self.seconds = seconds
        }
    }

    /// The reply of `POST /__admin/reset`: the providers put back to the scenario.
    public struct Reset: Codable, Sendable, Equatable {
        public var reset: [String]

        package init(reset: [String]) {
            self.reset = reset
        }
    }

    /// The reply of `PUT /__admin/scenario`: every provider reset to the new scenario, and the settings that differ but
    /// that only a restart applies.
    public struct ScenarioReplaced: Codable, Sendable, Equatable {
        public var reset: [String]
        public var restartNeeded: [String]

        package init(reset: [String], restartNeeded: [String]) {
            self.reset = reset
            self.restartNeeded = restartNeeded
        }
    }

    /// `GET /__admin/sms` and `/__admin/sms/wait`: what handsets received, newest first; `next` is the `before` of the
    /// next page, when there is one.
    public struct Inbox: Codable, Sendable, Equatable {
        public var messages: [HandsetMessage]
        public var next: String?

        package init(messages: [HandsetMessage], next: String? = nil) {
            self.messages = messages
            self.next = next
        }
    }

    /// `POST /__admin/mo`: an SMS a handset sends to the short number.
    public struct IncomingSMS: Codable, Sendable {
        public var from: String
        public var text: String
        public var shortNumber: String?
        /// The account whose short number it is; by default the one that last sent to `from`, or the only one.
        public var user: String?

        public init(from: String, text: String, shortNumber: String? = nil, user: String? = nil) {
            self.from = from
            self.text = text
            self.shortNumber = shortNumber
            self.user = user
        }
    }

    /// `GET /__admin/faults`: oldest first, with how often each matched and fired.
    public struct Faults: Codable, Sendable, Equatable {
        public var faults: [Fault]

        package init(faults: [Fault]) {
            self.faults = faults
        }
    }

    /// `GET /__admin/callbacks`: the attempts kept, newest first, and the dispatcher's counts.
    public struct Callbacks: Codable, Sendable, Equatable {
        public var attempts: [CallbackAttempt]
        /// Deliveries waiting (first attempts and retries), and what became of the others.
        public var pending: Int
        public var delivered: Int
        public var failed: Int
        public var dropped: Int
        /// Not sent: to the mocks' own listeners, or to a host off the scenario's `callbacks.allowedHosts`.
        public var refused: Int

        package init(attempts: [CallbackAttempt], pending: Int, delivered: Int, failed: Int, dropped: Int, refused: Int) {
            self.attempts = attempts
            self.pending = pending
            self.delivered = delivered
            self.failed = failed
            self.dropped = dropped
            self.refused = refused
        }
    }

    /// `POST /__admin/node-api/credit`: `add` (negative takes away) or `credit` (the new amount).
    public struct CreditChange: Codable, Sendable {
        public var user: String
        public var add: Int?
        public var credit: Int?

        public init(user: String, add: Int? = nil, credit: Int? = nil) {
            self.user = user
            self.add = add
            self.credit = credit
        }
    }

    public struct Credit: Codable, Sendable, Equatable {
        public var user: String
        public var credit: Int

        package init(user: String, credit: Int) {
            self.user = user
            self.credit = credit
        }
    }

    /// `PUT /__admin/node-api/senders`: a sender's state by name; the sender is added when the account has none so titled.
    public struct SenderChange: Codable, Sendable {
        public var user: String
        public var title: String
        public var state: String
        public var otpApproved: Bool?

        public init(user: String, title: String, state: String, otpApproved: Bool? = nil) {
            self.user = user
            self.title = title
            self.state = state
            self.otpApproved = otpApproved
        }
    }

    public struct Sender: Codable, Sendable, Equatable {
        public var title: String
        public var uuid: String
        public var state: String
        public var otpApproved: Bool

        package init(_ record: SenderRecord) {
            title = record.title
            uuid = record.uuid
            state = SenderRecord.stateNames.first { $0.value == record.state }?.key ?? "\(record.state)"
            otpApproved = record.otpApproved
        }
    }

    public struct Senders: Codable, Sendable, Equatable {
        public var user: String
        public var senders: [Sender]

        package init(user: String, senders: [Sender]) {
            self.user = user
            self.senders = senders
        }
    }

    /// `POST /__admin/iys/consents`: a consent in the wire's `ConsentDataModel` keys, for a brand.
    public struct ConsentChange: Codable, Sendable {
        public var brandCode: String
        public var consent: ConsentData
        /// The İYS account; by default the one with the brand.
        public var user: String?

        public init(brandCode: String, consent: ConsentData, user: String? = nil) {
            self.brandCode = brandCode
            self.consent = consent
            self.user = user
        }
    }

    /// `GET /__admin/iys/consents`: newest change first.
    public struct Consents: Codable, Sendable, Equatable {
        public var consents: [Consent]

        package init(consents: [Consent]) {
            self.consents = consents
        }
    }

    public struct Consent: Codable, Sendable, Equatable {
        public var brandCode: String
        public var consent: ConsentData
        /// When İYS received it, and whether İYS shows it now (forwarded, and not refused).
        public var receivedAt: String
        public var onIYS: Bool

        package init(brandCode: String, consent: ConsentData, receivedAt: String, onIYS: Bool) {
            self.brandCode = brandCode
            self.consent = consent
            self.receivedAt = receivedAt
            self.onIYS = onIYS
        }
    }

    /// `GET /__admin/euromsg/campaigns`: every end user's campaigns, as `GET /campaign` shows them.
    public struct Campaigns: Codable, Sendable, Equatable {
        public var campaigns: [EndUserCampaign]

        package init(campaigns: [EndUserCampaign]) {
            self.campaigns = campaigns
        }
    }

    public struct EndUserCampaign: Codable, Sendable, Equatable {
        public var apiKey: String
        public var campaign: Campaign

        package init(apiKey: String, campaign: Campaign) {
            self.apiKey = apiKey
            self.campaign = campaign
        }
    }

    /// One journal entry, `GET /__admin/requests`.
    public struct Request: Codable, Sendable, Equatable {
        public var provider: String
        public var sequence: Int
        public var time: String
        public var method: String
        public var path: String
        public var query: String?
        public var user: String?
        public var status: Int
        /// The bodies as UTF-8 text (bytes that are not UTF-8 become U+FFFD), cut at the journal's 16 KiB.
        public var requestBody: String
        /// The request's header fields (repeated ones joined with ", "), and the reply's content type.
        public var requestHeaders: [String: String]
        public var contentType: String?
        public var responseBody: String
        public var warnings: [String]

        package init(provider: String, sequence: Int, time: String, method: String, path: String, query: String? = nil, user: String? = nil, status: Int, requestBody: String, requestHeaders: [String: String], contentType: String? = nil, responseBody: String, warnings: [String]) {
            self.provider = provider
            self.sequence = sequence
            self.time = time
            self.method = method
            self.path = path
            self.query = query
            self.user = user
            self.status = status
            self.requestBody = requestBody
            self.requestHeaders = requestHeaders
            self.contentType = contentType
            self.responseBody = responseBody
            self.warnings = warnings
        }
    }

    public struct Requests: Codable, Sendable, Equatable {
        public var requests: [Request]
        /// Entries that matched before `limit` cut them.
        public var matched: Int

        package init(requests: [Request], matched: Int) {
            self.requests = requests
            self.matched = matched
        }
    }

    /// Every admin error: `{"error": "…", "field": "…"}` with a 4xx status.
    public struct Failure: Error, Codable, Sendable, Equatable {
        public var error: String
        public var field: String?
        /// The HTTP status, not in the body.
        public var status = 400

        public init(_ status: Int, _ error: String, field: String? = nil) {
            self.status = status
            self.error = error
            self.field = field
        }

        private enum CodingKeys: String, CodingKey { case error, field }
    }

    /// An ISO 8601 time as milliseconds since 1970; a 400 naming `field` otherwise.
    package static func milliseconds(iso text: String, field: String) throws(Failure) -> Int64 {
        guard let value = ISOTime.milliseconds(text) else {
            throw Failure(400, "'\(text)' is not an ISO 8601 time between 1970 and 9999 with an offset, such as 2026-12-02T09:00:00+03:00", field: field)
        }
        return value
    }
}
