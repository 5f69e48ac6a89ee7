import NodeAPI
import NodeAPISOAP
import Testing

/// Hostile and broken envelopes: each is a typed error (a Fault, or the Node API error naming the
/// field), never a crash, a hang, or the content of a file.
@Suite struct BadInputTests {
    private static let open = #"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Body>"#
    private static let close = "</soapenv:Body></soapenv:Envelope>"

    private func sendSms(_ fields: String) -> [UInt8] {
        Array((Self.open + "<sms:sendSms><username>admin</username><password>123456</password>" + fields + "</sms:sendSms>" + Self.close).utf8)
    }

    private static let validFields = "<type>1</type><sendingType>0</sendingType><title>T</title><content>Merhaba</content><number>905551234567</number><sender>BASLIK</sender>"

    private func fault(_ bytes: [UInt8]) -> SOAPFault? {
        do {
            _ = try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: bytes)
        } catch {
            if case .fault(let fault) = error { return fault }
            Issue.record("expected a fault, got \(error)")
            return nil
        }
        Issue.record("expected a fault, the request decoded")
        return nil
    }

    private func providerError(_ bytes: [UInt8]) -> NodeAPIError? {
        do {
            _ = try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: bytes)
        } catch {
            if case .provider(let error) = error { return error }
            Issue.record("expected a provider error, got \(error)")
            return nil
        }
        Issue.record("expected an error, the request decoded")
        return nil
    }

    @Test func validEnvelopeDecodes() throws {
        let decoded = try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: sendSms(Self.validFields))
        #expect(decoded.request.recipients == .single("905551234567"))
        #expect(decoded.credentials?.username == "admin")
    }

    /// Issue 25, item 5: PHP's SoapClient writes `<item/>` for a number it could not fit into the WSDL's item; the
    /// error names the item and says what to write, instead of "no valid number" for the whole package.
    @Test func anEmptyItemIsRefusedNamingIt() throws {
        let fields = "<type>1</type><sendingType>1</sendingType><title>T</title><content>Merhaba</content><sender>BASLIK</sender>"
        let error = providerError(sendSms(fields + "<numbers><item>905511034554</item><item/></numbers>"))
        #expect(error == NodeAPIError.invalid("numbers[1]", "is empty: no number was given (a SOAP toolkit that writes <item/> did not serialize it; write the item as <item>905…</item> or <item><nr>905…</nr></item>, with PHP's SoapClient ['item' => [['nr' => '905…']]], or the text with new SoapVar('905…', XSD_STRING, null, null, 'item'))"))
        // The document's own form, and the element form, are packages.
        for numbers in ["<item>905511034554</item><item>905433404971</item>", "<item><nr>905511034554</nr></item><item><nr>905433404971</nr></item>"] {
            let request = try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: sendSms(fields + "<numbers>\(numbers)</numbers>")).request
            #expect(request.recipients.numbers == ["905511034554", "905433404971"])
            try request.validate()
        }
    }

    @Test func truncatedXMLIsAClientFault() {
        let bytes = Array(sendSms(Self.validFields).dropLast(30))
        #expect(fault(bytes)?.code == .client)
    }

    @Test func notXMLAtAllIsAFault() {
        #expect(fault(Array(#"{"type": 1}"#.utf8))?.code == .client)
    }

    @Test func wrongServiceNamespaceIsAFault() {
        let xml = #"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:x="urn:other"><soapenv:Body><x:sendSms/></soapenv:Body></soapenv:Envelope>"#
        #expect(fault(Array(xml.utf8))?.reason.contains("service namespace") == true)
    }

    @Test func anyHostServiceNamespaceIsAccepted() throws {
        let xml = #"<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><op:sendSms xmlns:op="https://sms.example.com:9588/wsdl/sms">"#
            + Self.validFields + "</op:sendSms></e:Body></e:Envelope>"
        #expect(try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: Array(xml.utf8)).credentials == nil)
    }

    @Test func wrongEnvelopeNamespaceIsVersionMismatch() {
        let xml = #"<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>"#
        #expect(fault(Array(xml.utf8))?.code == .versionMismatch)
    }

    @Test func unknownOperationIsAFault() {
        let bytes = Array((Self.open + "<sms:sendFax/>" + Self.close).utf8)
        #expect(fault(bytes)?.reason.contains("unknown operation 'sendFax'") == true)
    }

    @Test func otherOperationThanExpectedIsAFault() {
        let bytes = Array((Self.open + "<sms:getUserCredit/>" + Self.close).utf8)
        #expect(fault(bytes)?.code == .client)
    }

    @Test func mustUnderstandHeaderIsAFault() {
        let xml = #"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Header><s:Security xmlns:s="urn:sec" soapenv:mustUnderstand="1"/></soapenv:Header><soapenv:Body><sms:sendSms/></soapenv:Body></soapenv:Envelope>"#
        #expect(fault(Array(xml.utf8))?.code == .mustUnderstand)
    }

    @Test func externalEntityIsRefusedWithoutReadingTheFile() {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Self.open
            + "<sms:sendSms><title>&x;</title></sms:sendSms>" + Self.close
        let found = fault(Array(xml.utf8))
        #expect(found?.reason.contains("DOCTYPE") == true)
        #expect(found?.reason.contains("root:") == false)
    }

    @Test func billionLaughsIsRefused() {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY a \"ha\">"
        for level in 1...9 { xml += "<!ENTITY a\(level) \"" + String(repeating: level == 1 ? "&a;" : "&a\(level - 1);", count: 10) + "\">" }
        xml += "]>" + Self.open + "<sms:sendSms><title>&a9;</title></sms:sendSms>" + Self.close
        #expect(fault(Array(xml.utf8))?.reason.contains("DOCTYPE") == true)
    }

    @Test func tenThousandNestedElementsAreRefused() {
        let nested = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(fault(sendSms(nested))?.reason.contains("nest deeper") == true)
    }

    @Test func fiftyMegabyteDocumentIsRefused() {
        let padding = "<content>" + String(repeating: "x", count: 50 * 1024 * 1024) + "</content>"
        #expect(fault(sendSms(padding))?.reason.contains("exceeds the limit") == true)
    }

    @Test func elementsWhereTextIsExpectedNameTheField() {
        let error = providerError(sendSms(Self.validFields.replacingOccurrences(of: "<title>T</title>", with: "<title><b>x</b></title>")))
        #expect(error?.code == "ERR_INVALID_PARAM")
        #expect(error?.message.contains("title") == true)
    }

    @Test func textWhereANumberIsExpectedNamesTheField() {
        let error = providerError(sendSms(Self.validFields.replacingOccurrences(of: "<type>1</type>", with: "<type>bir</type>")))
        #expect(error?.code == "ERR_INVALID_PARAM")
        #expect(error?.message.contains("type: 'bir' is not an integer") == true)
    }

    @Test func unknownEnumValueNamesTheFieldAndTheKnownValues() {
        let error = providerError(sendSms(Self.validFields + "<encoding>7</encoding>"))
        #expect(error?.message.contains("encoding: 7 is not a known encoding (0, 1, 2)") == true)
    }

    @Test func unknownFieldIsRefused() {
        let error = providerError(sendSms(Self.validFields + "<priority>1</priority>"))
        #expect(error?.message.contains("priority: unknown field") == true)
    }

    @Test func missingFieldIsNamed() {
        let error = providerError(sendSms(Self.validFields.replacingOccurrences(of: "<sender>BASLIK</sender>", with: "<sender></sender>")))
        #expect(error?.message.contains("sender: is required") == true)
    }

    @Test func listEntriesMustBeItems() {
        let fields = "<type>1</type><sendingType>1</sendingType><title>T</title><content>M</content><numbers><nr>905551234567</nr></numbers><sender>S</sender>"
        #expect(providerError(sendSms(fields))?.message.contains("numbers[0]: list entries must be <item> elements") == true)
    }

    @Test func plainNumbersForManyToManyNameTheShape() {
        let fields = "<type>1</type><sendingType>2</sendingType><title>T</title><numbers><item>905551234567</item></numbers><sender>S</sender>"
        #expect(providerError(sendSms(fields))?.message.contains("{nr, msg}") == true)
    }

    @Test func ruleViolationIsTheCataloguesError() {
        let error = providerError(sendSms(Self.validFields + "<validity>5</validity>"))
        #expect(error?.code == "ERR_INVALID_PARAM")
        #expect(error?.message.contains("validity: must be between 60 and 1440 minutes") == true)
    }

    @Test func replyWithAFaultIsThrownAsAFault() {
        let bytes = NodeAPISOAP.encodeFault(SOAPFault(.server, "down"))
        #expect(throws: NodeAPISOAPError.fault(SOAPFault(.server, "down"))) {
            try NodeAPISOAP.decodeReply(UserCredit.self, operation: .userCredit, from: bytes)
        }
    }

    @Test func errorReplyDecodesToTheProvidersError() throws {
        let bytes = try NodeAPISOAP.encodeReply(NodeAPIReply<PackageCreated>.failure(NodeAPIError(.sms18)), operation: .createSms)
        let reply = try NodeAPISOAP.decodeReply(PackageCreated.self, operation: .createSms, from: bytes)
        #expect(reply == .failure(NodeAPIError(.sms18)))
        #expect(throws: NodeAPIError(.sms18)) { try reply.get() }
    }
}
