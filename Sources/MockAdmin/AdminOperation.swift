import HTTPTypes
import WireCoding

/// Every call of the admin API (`--admin-port`): its method and path, the one table that the admin routes, the typed
/// handle over them (`MockControl`) and the admin API's OpenAPI description take them from, as WireMock's server and
/// client share one route table. A path names its one parameter, if any, in braces (`/__admin/faults/{id}`).
package enum AdminOperation: String, Sendable, Hashable, CaseIterable {
    case inboxPage, openAPI, certificateAuthority
    case getClock, setClock, advanceClock, reset
    case listRequests, clearRequests
    case addFault, listFaults, removeFaults, removeFault
    case inbox, waitForSMS, incomingSMS, callbacks, events
    case changeCredit, setSender, listConsents, addConsent, listCampaigns
    case getScenario, replaceScenario
    case createWorld, listWorlds, getWorld, deleteWorld

    package enum Method: String, Sendable, Hashable {
        case get = "GET", post = "POST", put = "PUT", delete = "DELETE"
    }

    /// What every admin path but the inbox page's starts with; a world's own admin API is under `/__admin/worlds/ID`.
    package static let prefix = "/__admin"

    /// The table's row of a call.
    package var descriptor: AdminOperationDescriptor {
        switch self {
        case .inboxPage: .init(.get, "/", "The inbox page (HTML): each number's SMS, the journal, callback attempts, İYS consents, Euromsg campaigns, live")
        case .openAPI: .init(.get, "/openapi.json", "This description")
        case .certificateAuthority: .init(.get, "/ca.pem", "The local CA of the Node API's TLS port", details: """
            The certificate (PEM) of the CA the server made on its first start and keeps beside --state; the Node API's TLS \
            port (--node-api-tls-port, 9588) serves a certificate it issued. Trust it in a test (CURL_CA_BUNDLE, \
            NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE). 404 when the TLS port is off or serves --tls-cert.
            """)
        case .getClock: .init(.get, "/clock", "The mocks' time and the clock's mode")
        case .setClock: .init(.post, "/clock", "Switch the clock's mode or set a manual clock's time (never backwards)")
        case .advanceClock: .init(.post, "/clock/advance", "Move a manual clock; what falls due by then happens before the reply")
        case .reset: .init(.post, "/reset", "Every provider (or one) back to the scenario; journals emptied; faults back to the scenario's")
        case .listRequests: .init(.get, "/requests", "The journal, newest first")
        case .clearRequests: .init(.delete, "/requests", "Empty the journals (or one)")
        case .addFault: .init(.post, "/faults", "Add a fault")
        case .listFaults: .init(.get, "/faults", "Every fault, oldest first, with its counts")
        case .removeFaults: .init(.delete, "/faults", "Remove every fault (the scenario's too, until a reset)")
        case .removeFault: .init(.delete, "/faults/{id}", "Remove one fault")
        case .inbox: .init(.get, "/sms", "What handsets received, newest first")
        case .waitForSMS: .init(.get, "/sms/wait", """
            Answers as soon as a message to the number exists in a package after `after`, or a round of a repeating package \
            sends one during the wait
            """)
        case .incomingSMS: .init(.post, "/mo", "An SMS from a handset to the short number (the opt-out flow)")
        case .callbacks: .init(.get, "/callbacks", "Push-callback and İYS-webhook attempts, newest first")
        case .events: .init(.get, "/events", "Server-Sent Events: package, request, callback, clock, reset")
        case .changeCredit: .init(.post, "/node-api/credit", "Top an account's credit up, or set it")
        case .setSender: .init(.put, "/node-api/senders", "Set a sender's state (adding the sender if missing)")
        case .listConsents: .init(.get, "/iys/consents", "The consents İYS keeps, newest change first")
        case .addConsent: .init(.post, "/iys/consents", "Add a consent: given on İYS (IYS_* source) or sent by the brand")
        case .listCampaigns: .init(.get, "/euromsg/campaigns", "Every end user's campaigns with their status now")
        case .getScenario: .init(.get, "/scenario", "The scenario's text (YAML)")
        case .replaceScenario: .init(.put, "/scenario", "Replace the scenario (checked as at start-up) and reset every provider to it")
        case .createWorld: .init(.post, "/worlds", """
            A new world: its own state, clock, journals, inbox, faults and callbacks, reached on every port by the path \
            prefix /worlds/ID or the header X-Mock-World: ID; its own admin API at /__admin/worlds/ID/… with its token
            """)
        case .listWorlds: .init(.get, "/worlds", "The worlds, oldest first, with their size and last use (without their tokens)")
        case .getWorld: .init(.get, "/worlds/{id}", "A world, without its token")
        case .deleteWorld: .init(.delete, "/worlds/{id}", "Deletes a world: its state goes, its background work and callbacks stop")
        }
    }

    package var method: Method { descriptor.method }

    /// The call's path, its parameter in braces: `/__admin/faults/{id}`; the inbox page's is `/`.
    package var path: String { self == .inboxPage ? "/" : Self.prefix + descriptor.path }

    /// The path's parameter, if it has one.
    package var parameter: String? { PathTemplate(path).parameter }

    /// The path with its parameter given.
    package func path(_ value: some CustomStringConvertible) -> String { PathTemplate(path).filled(value) }
}

/// One row of ``AdminOperation``'s table.
package struct AdminOperationDescriptor: Sendable {
    package let method: AdminOperation.Method
    /// The path under ``AdminOperation/prefix``.
    package let path: String
    /// One line on what the call does.
    package let summary: String
    /// What more there is to say, if anything.
    package let details: String?

    init(_ method: AdminOperation.Method, _ path: String, _ summary: String, details: String? = nil) {
        self.method = method
        self.path = path
        self.summary = summary
        self.details = details
    }
}

extension AdminOperation.Method {
    /// The method as HTTPTypes names it.
    package var http: HTTPRequest.Method {
        switch self {
        case .get: .get
        case .post: .post
        case .put: .put
        case .delete: .delete
        }
    }
}
