import ArgumentParser
import Foundation
import NodeAPI
import NodeAPISOAP
import WireCoding

/// `provider-mock convert`: the Node API's SOAP and JSON faces, one into the other, stdin to stdout.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a Node API message between SOAP and JSON (stdin to stdout).",
        discussion: """
            --to json reads a SOAP request or reply envelope and writes the JSON body (credentials are \
            dropped: JSON carries them as Basic auth). A bare <result> reply needs --operation.
            --to soap reads a JSON body and writes the envelope of --operation (sendSms or /sms/create), \
            a request with --username/--password in the body, or a reply with --response.
            """
    )


    @Option(name: .long, help: "The format to write: json or soap.")
    var to: WireFormat

    @Option(name: .long, help: "The operation: a SOAP name (sendSms) or a JSON path (/sms/create).")
    var operation: String?

    @Option(name: .long, help: "Username to put in a SOAP request body.")
    var username: String?

    @Option(name: .long, help: "Password to put in a SOAP request body.")
    var password: String?

    @Flag(name: .long, help: "The JSON is a reply ({\"err\", \"data\"}), not a request.")
    var response = false

    @Flag(name: .long, help: "Indent JSON output.")
    var pretty = false

    func validate() throws {
        if to == .soap, operation == nil { throw ValidationError("--to soap needs --operation") }
        if to == .json, username != nil || password != nil || response {
            throw ValidationError("--username, --password and --response apply to --to soap")
        }
        if (username == nil) != (password == nil) { throw ValidationError("give --username and --password together") }
    }

    func run() throws {
        let input = Array(FileHandle.standardInput.readDataToEndOfFile())
        do {
            let output: [UInt8]
            switch to {
            case .json:
                let json = try Converter.soapToJSON(input, operation: try operation.map { name throws(ConversionError) in try Converter.operation(named: name) })
                output = pretty ? try Self.indented(json) : json + [0x0A]
            case .soap:
                let credentials = username.map { Credentials(username: $0, password: password ?? "") }
                output = try Converter.jsonToSOAP(input, operation: try Converter.operation(named: operation ?? ""), credentials: credentials, response: response)
            }
            FileHandle.standardOutput.write(Data(output))
        } catch let error as ConversionError {
            FileHandle.standardError.write(Data("provider-mock convert: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    private static func indented(_ json: [UInt8]) throws -> [UInt8] {
        let object = try JSONSerialization.jsonObject(with: Data(json))
        return Array(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) + [0x0A]
    }
}

extension WireFormat: ExpressibleByArgument {}
