import ArgumentParser
import Connector
import Foundation
import MySoftIYS
import NodeAPI

/// `provider-mock send`: one message through the connector, printing which provider took it and why others
/// were passed over, so a person can try the connector against the mocks by hand.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send one SMS through the provider connector (connections per İYS type, rank-order fail-over).",
        discussion: """
            The configuration (YAML, or JSON by its .json name) lists providers with their rank, API URL and one \
            connection per İYS message type (username, password, smsIysMessageType, senderList, customApiActive, \
            customApiUrl), and optionally İYS settings. mocks/connections.yaml points at `provider-mock serve`.
            """
    )

    @Option(name: .long, help: "Connector configuration (YAML or JSON).")
    var config: String

    @Option(name: .long, help: "İYS message type: NOTIFICATION or CAMPAIGN (commercial).")
    var type: String

    @Option(name: .long, parsing: .upToNextOption, help: "Recipients (905xxxxxxxxx); several allowed.")
    var to: [String]

    @Option(name: .long, help: "The message text.")
    var text: String

    @Option(name: .long, help: "Sender (originator); the first of the matching connection's senderList when absent.")
    var sender: String?

    @Option(name: .long, help: "Package title.")
    var title = "provider-mock send"

    @Option(name: .long, help: "The İYS recipient type a CAMPAIGN is for: BIREYSEL or TACIR (either when absent).")
    var recipientType: String?

    func run() async throws {
        let configuration: ConnectorConfiguration
        do {
            configuration = try ConnectorConfiguration.load(path: config)
        } catch {
            throw Self.fail(error.message)
        }
        guard let messageType = IYSMessageType(rawValue: type.uppercased()) else { throw Self.fail("--type '\(type)' is not NOTIFICATION or CAMPAIGN") }
        var recipients: [GSMNumber] = []
        for number in to {
            guard let normalized = GSMNumber(number).normalized else { throw Self.fail("--to '\(number)' is not a Turkish mobile number (905xxxxxxxxx)") }
            recipients.append(GSMNumber(normalized))
        }
        if recipients.isEmpty { throw Self.fail("--to names no recipient") }
        let chosenSender = sender ?? configuration.ranked.lazy.compactMap { $0.connection(for: messageType)?.senderList.first }.first ?? ""
        let chosenType: RecipientType?
        if let recipientType {
            guard let known = RecipientType(rawValue: recipientType.uppercased()) else {
                throw Self.fail("--recipient-type '\(recipientType)' is not BIREYSEL or TACIR")
            }
            chosenType = known
        } else {
            chosenType = nil
        }
        let message = OutgoingSMS(type: messageType, sender: chosenSender, recipients: recipients, text: text, title: title, recipientType: chosenType)
        do {
            let report = try await Connector(configuration).send(message)
            for attempt in report.attempts { print(attempt) }
            if !report.withoutConsent.isEmpty {
                print("no İYS consent (not sent): \(report.withoutConsent.map(\.description).joined(separator: ", "))")
            }
            if let provider = report.provider, let id = report.packageID {
                print("sent through \(provider) from \(chosenSender) to \(recipients.count - report.withoutConsent.count) recipient(s): package \(id)")
            } else {
                print("nothing sent: no recipient has consent")
            }
        } catch {
            switch error {
            case .refused(_, _, let attempts), .noProviderTook(let attempts): for attempt in attempts { print(attempt) }
            default: break
            }
            throw Self.fail(error.description)
        }
    }

    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("provider-mock send: \(message)\n".utf8))
        return ExitCode(1)
    }
}
