import Foundation
import LibXML
import NodeAPI
import NodeAPIExamples
import NodeAPISOAP
import Testing

/// `wsdl/sms.wsdl` describes exactly the envelopes of the document and of the codec.
@Suite struct WSDLTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let wsdlURL = repository.appendingPathComponent("wsdl/sms.wsdl")
    static let wsdlNamespace = "http://schemas.xmlsoap.org/wsdl/"
    static let soapBindingNamespace = "http://schemas.xmlsoap.org/wsdl/soap/"
    static let schemaNamespace = "http://www.w3.org/2001/XMLSchema"

    private func wsdl() throws -> XMLElement {
        try XMLDocumentParser.parse(Array(try Data(contentsOf: Self.wsdlURL)))
    }

    @Test func everyModelOperationIsInTheWSDLAndViceVersa() throws {
        let root = try wsdl()
        let model = Set(NodeAPIOperation.soapOperations.compactMap(\.soapName))
        let portType = try #require(root.child("portType", namespaceURI: Self.wsdlNamespace))
        let portOperations = Set(portType.children("operation", namespaceURI: Self.wsdlNamespace).compactMap { $0.attribute("name") })
        #expect(portOperations == model)
        let binding = try #require(root.child("binding", namespaceURI: Self.wsdlNamespace))
        for operation in binding.children("operation", namespaceURI: Self.wsdlNamespace) {
            let action = operation.child("operation", namespaceURI: Self.soapBindingNamespace)?.attribute("soapAction")
            #expect(action == operation.attribute("name"), "SOAPAction of \(operation.attribute("name") ?? "?")")
        }
        #expect(Set(binding.children("operation", namespaceURI: Self.wsdlNamespace).compactMap { $0.attribute("name") }) == model)
        let schema = try #require(root.child("types", namespaceURI: Self.wsdlNamespace)?.child("schema", namespaceURI: Self.schemaNamespace))
        let elements = Set(schema.children("element", namespaceURI: Self.schemaNamespace).compactMap { $0.attribute("name") })
        #expect(elements == Set(model.flatMap { [$0, $0 + "Response"] }))
        #expect(root.attribute("targetNamespace") == NodeAPISOAP.defaultServiceNamespace)
    }

    @Test func documentExamplesValidateAgainstTheSchema() throws {
        var documents: [XMLElement] = []
        for example in SOAPExamples.requests {
            documents.append(try SOAPMessage(parsing: Golden.bytes(example.file)).body)
        }
        let replies: [(String, NodeAPIOperation)] = [
            ("pkgID.reply", .createSms), ("pkgID.reply", .createOtp), ("getSmsPackages.reply", .listSms),
            ("getSmsPackageItems.reply", .listSmsItems), ("getSmsSenders.reply", .listSenders),
            ("cancelSmsPackage.reply", .cancelSms), ("getUserCredit.reply", .userCredit),
        ]
        for (file, operation) in replies {
            let result = try XMLDocumentParser.parse(Golden.bytes(file))
            documents.append(XMLElement("\(operation.soapName!)Response", namespaceURI: NodeAPISOAP.defaultServiceNamespace, children: [result]))
        }
        try SchemaValidator.expectValid(documents)
    }

    @Test func encoderOutputValidatesAgainstTheSchema() throws {
        var documents: [XMLElement] = []
        for example in SOAPExamples.requests {
            documents.append(try SOAPMessage(parsing: encode(example.request)).body)
        }
        documents.append(try replyBody(SOAPExamples.getSmsPackagesReply, .listSms))
        documents.append(try replyBody(SOAPExamples.getSmsPackageItemsReply, .listSmsItems))
        documents.append(try replyBody(SOAPExamples.getSmsSendersReply, .listSenders))
        documents.append(try replyBody(UserCredit(credit: 1), .userCredit))
        // Issue 25: what the mock adds to the document's replies (a sender's gateways, a package's processing).
        let gateway = Gateway(uuid: "6f1c2a8e-4b7d-4e21-9a3c-5d8e7f901234", smsType: 1, operator: 0, subProvider: 1, isOTP: false, simChangeControl: true)
        documents.append(try replyBody(Page(totalRecord: 1, list: [Sender(uuid: "s", status: .approved, title: "BASLIK", gateways: [gateway])]), .listSenders))
        let processed = SmsPackageSummary(
            id: 1, type: .normal, uuid: "u", state: .complete, title: "T", content: "c", senders: ["BASLIK"], encoding: .gsm7, validity: 60,
            statistics: .init(total: 1, credit: 1, rCount: 1, delivered: 1, undelivered: 0), isScheduled: 0, sendingDate: WireDate("2025-03-10T10:00:00"),
            processingDate: WireDate("2025-03-10T10:00:02.25007"),
            processInfo: PackageProcessInfo(create: .init(date: WireDate("2025-03-10T10:00:00")!), update: .init(date: WireDate("2025-03-10T10:00:05")!))
        )
        documents.append(try replyBody(Page(totalRecord: 1, list: [processed]), .listSms))
        let failure = try NodeAPISOAP.encodeReply(NodeAPIReply<StatusReply>.failure(NodeAPIError(.sms07)), operation: .cancelSms)
        documents.append(try XMLDocumentParser.parse(failure).children[0].children[0])
        try SchemaValidator.expectValid(documents)
    }

    /// The fields public clients send (issue 12, item 3) are in the schema, so a toolkit built from it can send them.
    @Test func wildFieldsValidateAgainstTheSchema() throws {
        let extras = SendingExtras(skipAhsQuery: true, gateway: "1b09b8c5-ae80-42af-8779-21a61afd5da1", recipientType: .merchant)
        let personalised = CreateSmsRequest(
            recipients: .personalised(fields: ["AD"], numbers: [PersonalisedNumber(nr: "905551230011", cfs: ["AD": "Ali"]), PersonalisedNumber(nr: "905551230012")]),
            sender: "BASLIK", title: "T", content: "Merhaba AD", extras: extras
        )
        let dynamic = CreateSmsRequest(
            recipients: .manyToMany([PersonalMessage(nr: "905551230011", msg: "Sana özel", xid: "sip-42")]), sender: "BASLIK", title: "T", content: nil
        )
        let otp = CreateOtpRequest(number: "905551230011", sender: "BASLIK", content: "Kod", extras: SendingExtras(skipAhsQuery: false, gateway: extras.gateway))
        try SchemaValidator.expectValid([
            try SOAPMessage(parsing: encode(personalised)).body, try SOAPMessage(parsing: encode(dynamic)).body, try SOAPMessage(parsing: encode(otp)).body,
        ])
        #expect(try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: encode(personalised)).request == personalised)
    }

    @Test func schemaRefusesAWrongEnvelope() throws {
        let body = XMLElement("sendSms", namespaceURI: NodeAPISOAP.defaultServiceNamespace, children: [
            XMLElement("type", text: "bir"), XMLElement("sendingType", text: "0"), XMLElement("sender", text: "S"),
        ])
        #expect(try SchemaValidator.validate([body]).status != 0)
    }

    private func encode<Request: NodeAPIRequest>(_ request: Request) throws -> [UInt8] {
        try NodeAPISOAP.encodeRequest(request, credentials: Credentials(username: "admin", password: "123456"))
    }

    private func replyBody<Payload: Codable & Sendable & Hashable>(_ payload: Payload, _ operation: NodeAPIOperation) throws -> XMLElement {
        let bytes = try NodeAPISOAP.encodeReply(NodeAPIReply.success(payload), operation: operation)
        return try XMLDocumentParser.parse(bytes).children[0].children[0]
    }
}

/// Runs `xmllint --schema` (Debian's libxml2-utils) over documents, with the schema cut out of the WSDL.
enum SchemaValidator {
    static func expectValid(_ documents: [XMLElement], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try validate(documents)
        #expect(result.status == 0, "xmllint: \(result.output)", sourceLocation: sourceLocation)
    }

    static func validate(_ documents: [XMLElement]) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsdl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wsdl = try String(contentsOf: WSDLTests.wsdlURL, encoding: .utf8)
        guard let start = wsdl.range(of: "<xs:schema"), let end = wsdl.range(of: "</xs:schema>") else { throw CocoaError(.fileReadCorruptFile) }
        let schemaURL = folder.appendingPathComponent("sms.xsd")
        try String(wsdl[start.lowerBound..<end.upperBound]).write(to: schemaURL, atomically: true, encoding: .utf8)
        let writer = XMLWriter(namespaces: [.init(prefix: "sms", uri: NodeAPISOAP.defaultServiceNamespace)])
        var paths: [String] = []
        for (index, document) in documents.enumerated() {
            let url = folder.appendingPathComponent("document\(index).xml")
            try Data(writer.write(document)).write(to: url)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--schema", schemaURL.path] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
