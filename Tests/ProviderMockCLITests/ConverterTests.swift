import Foundation
import LibXML
import NodeAPI
import NodeAPIExamples
import NodeAPISOAP
import ProviderMockCLI
import Testing

/// `convert` round-trips the document's examples: SOAP → JSON → SOAP keeps every non-empty field.
@Suite struct ConverterTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func soapGolden(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: repository.appendingPathComponent("Tests/NodeAPISOAPTests/Golden/document/\(name).xml")))
    }

    static func jsonGolden(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: repository.appendingPathComponent("Tests/NodeAPIJSONTests/Golden/\(name).json")))
    }

    @Test(arguments: SOAPExamples.requests.indices)
    func soapRequestRoundTrip(_ index: Int) throws {
        let example = SOAPExamples.requests[index]
        let soap = try Self.soapGolden(example.file)
        let json = try Converter.soapToJSON(soap)
        #expect(!String(decoding: json, as: UTF8.self).contains("password"))
        let operation = type(of: example.request).operation
        let back = try Converter.jsonToSOAP(json, operation: operation, credentials: Credentials(username: "admin", password: example.password))
        #expect(try XMLEquivalence.canonical(back) == XMLEquivalence.canonical(soap), "\(example.file)")
    }

    @Test(arguments: [
        ("pkgID.reply", NodeAPIOperation.createSms), ("getSmsPackages.reply", .listSms), ("getSmsPackageItems.reply", .listSmsItems),
        ("getSmsSenders.reply", .listSenders), ("cancelSmsPackage.reply", .cancelSms), ("getUserCredit.reply", .userCredit),
    ])
    func soapReplyRoundTrip(_ file: String, _ operation: NodeAPIOperation) throws {
        let result = try Self.soapGolden(file)
        let json = try Converter.soapToJSON(result, operation: operation)
        let envelope = try Converter.jsonToSOAP(json, operation: operation, response: true)
        // The envelope converts back without --operation: the body element names it.
        #expect(try Converter.soapToJSON(envelope) == json)
        let body = try XMLDocumentParser.parse(envelope).children[0].children[0]
        #expect(XMLEquivalence.canonical(try #require(body.child("result"))) == (try XMLEquivalence.canonical(result)))
    }

    @Test func jsonRequestRoundTrip() throws {
        let json = try Self.jsonGolden("sms-create-otp.request")
        let soap = try Converter.jsonToSOAP(json, operation: .createOtp)
        let again = try Converter.soapToJSON(soap)
        let decoded = try JSONSerialization.jsonObject(with: Data(again)) as? NSDictionary
        #expect(decoded?["trustDate"] as? String == "2020-12-25 12:00:00")
        #expect(decoded?["number"] as? String == "905591234567")
    }

    @Test func operationsByNameOrPath() throws {
        #expect(try Converter.operation(named: "sendSms") == .createSms)
        #expect(try Converter.operation(named: "/sms/list-item") == .listSmsItems)
        #expect(try Converter.operation(named: "user/credit") == .userCredit)
        #expect(throws: ConversionError.self) { try Converter.operation(named: "sendFax") }
    }

    @Test func errorsAreOneLineAndNameTheProblem() {
        #expect(throws: ConversionError.self) { try Converter.soapToJSON(Array("<a><b>".utf8)) }
        do {
            _ = try Converter.jsonToSOAP(Array(#"{"type": "x", "sendingType": 0}"#.utf8), operation: .createSms)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("type: 'x' is not an integer"))
            #expect(!error.message.contains("\n"))
        }
        #expect(throws: ConversionError("/contact/list has no SOAP operation; the service has sendSms, sendOtp, getSmsPackages, getSmsPackageItems, getSmsSenders, cancelSmsPackage, getUserCredit")) {
            try Converter.jsonToSOAP(Array("{}".utf8), operation: .listContacts)
        }
    }
}
