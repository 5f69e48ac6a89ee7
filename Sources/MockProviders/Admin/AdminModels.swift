import Foundation
import MySoftIYS
import NodeAPI

/// The admin API's JSON shapes (`/__admin/…`, see ``AdminRoutes``).
enum AdminModels {
    /// `GET /__admin/clock` and the reply of every clock change.
    struct Clock: Codable, Sendable, Equatable {
        var mode: SwitchableClock.Mode
        /// ISO 8601, UTC, with milliseconds.
        var now: String
        var epochMillis: Int64
    }

    /// `POST /__admin/clock`: either or both.
    struct ClockChange: Decodable, Sendable {
        var mode: SwitchableClock.Mode?
        var now: String?
    }

    /// `POST /__admin/clock/advance`.
    struct Advance: Decodable, Sendable {
        var seconds: Double
    }

    /// The reply of `POST /__admin/reset`: the providers put back to the scenario.
    struct Reset: Codable, Sendable, Equatable {
        var reset: [String]
    }

    /// `GET /__admin/sms` and `/__admin/sms/wait`: what handsets received, newest first; `next` is the `before` of the
    /// next page, when there is one.
    struct Inbox: Codable, Sendable, Equatable {
        var messages: [NodeAPIState.HandsetMessage]
        var next: String?
    }

    /// `POST /__admin/mo`: an SMS a handset sends to the short number.
    struct IncomingSMS: Decodable, Sendable {
        var from: String
        var text: String
        var shortNumber: String?
        /// The account whose short number it is; by default the one that last sent to `from`, or the only one.
        var user: String?
    }

    /// `GET /__admin/faults`: oldest first, with how often each matched and fired.
    struct Faults: Codable, Sendable, Equatable {
        var faults: [Fault]
    }

    /// `GET /__admin/callbacks`: the attempts kept, newest first, and the dispatcher's counts.
    struct Callbacks: Codable, Sendable, Equatable {
        var attempts: [CallbackDispatcher.Attempt]
        /// Deliveries waiting (first attempts and retries), and what became of the others.
        var pending: Int
        var delivered: Int
        var failed: Int
        var dropped: Int
    }

    /// `POST /__admin/node-api/credit`: `add` (negative takes away) or `credit` (the new amount).
    struct CreditChange: Decodable, Sendable {
        var user: String
        var add: Int?
        var credit: Int?
    }

    struct Credit: Codable, Sendable, Equatable {
        var user: String
        var credit: Int
    }

    /// `PUT /__admin/node-api/senders`: a sender's state by name; the sender is added when the account has none so titled.
    struct SenderChange: Decodable, Sendable {
        var user: String
        var title: String
        var state: String
        var otpApproved: Bool?
    }

    struct Sender: Codable, Sendable, Equatable {
        var title: String
        var uuid: String
        var state: String
        var otpApproved: Bool

        init(_ record: SenderRecord) {
            title = record.title
            uuid = record.uuid
            state = SenderRecord.stateNames.first { $0.value == record.state }?.key ?? "\(record.state)"
            otpApproved = record.otpApproved
        }
    }

    struct Senders: Codable, Sendable, Equatable {
        var user: String
        var senders: [Sender]
    }

    /// `POST /__admin/iys/consents`: a consent in the wire's `ConsentDataModel` keys, for a brand.
    struct ConsentChange: Decodable, Sendable {
        var brandCode: String
        var consent: ConsentData
        /// The İYS account; by default the one with the brand.
        var user: String?
    }

    /// One journal entry, `GET /__admin/requests`.
    struct Request: Codable, Sendable, Equatable {
        var provider: String
        var sequence: Int
        var time: String
        var method: String
        var path: String
        var query: String?
        var user: String?
        var status: Int
        /// The bodies as UTF-8 text (bytes that are not UTF-8 become U+FFFD), cut at the journal's 16 KiB.
        var requestBody: String
        /// The request's header fields (repeated ones joined with ", "), and the reply's content type.
        var requestHeaders: [String: String]
        var contentType: String?
        var responseBody: String
        var warnings: [String]
    }

    struct Requests: Codable, Sendable, Equatable {
        var requests: [Request]
        /// Entries that matched before `limit` cut them.
        var matched: Int
    }

    /// Every admin error: `{"error": "…", "field": "…"}` with a 4xx status.
    struct Failure: Error, Codable, Sendable, Equatable {
        var error: String
        var field: String?
        /// The HTTP status, not in the body.
        var status = 400

        init(_ status: Int, _ error: String, field: String? = nil) {
            self.status = status
            self.error = error
            self.field = field
        }

        private enum CodingKeys: String, CodingKey { case error, field }
    }

    /// An ISO 8601 time as milliseconds since 1970; a 400 naming `field` otherwise.
    static func milliseconds(iso text: String, field: String) throws(Failure) -> Int64 {
        guard let value = ISOTime.milliseconds(text) else {
            throw Failure(400, "'\(text)' is not an ISO 8601 time between 1970 and 9999 with an offset, such as 2026-12-02T09:00:00+03:00", field: field)
        }
        return value
    }
}
