import LibXML
import NodeAPI
import NodeAPIExamples
import NodeAPISOAP
import Testing

/// Every SOAP request and reply printed in the Node API document: decoded to the expected typed value
/// and re-encoded to an equivalent document.
@Suite struct DocumentExampleTests {
    @Test(arguments: SOAPExamples.requests.indices)
    func requestExample(_ index: Int) throws {
        let example = SOAPExamples.requests[index]
        try check(example.request, file: example.file, password: example.password)
    }

    private func check<Request: NodeAPIRequest>(_ expected: Request, file: String, password: String) throws {
        let golden = try Golden.bytes(file)
        let decoded = try NodeAPISOAP.decodeRequest(Request.self, from: golden)
        #expect(decoded.request == expected, "\(file)")
        #expect(decoded.credentials == Credentials(username: "admin", password: password))
        let encoded = try NodeAPISOAP.encodeRequest(expected, credentials: decoded.credentials)
        #expect(try Golden.canonical(encoded) == Golden.canonical(golden), "\(file) re-encoded")
    }

    @Test func sendOtpReply() throws { try checkReply(PackageCreated(pkgID: 111111), .createOtp, "pkgID.reply") }
    @Test func sendSmsReply() throws { try checkReply(PackageCreated(pkgID: 111111), .createSms, "pkgID.reply") }
    @Test func getSmsPackagesReply() throws { try checkReply(SOAPExamples.getSmsPackagesReply, .listSms, "getSmsPackages.reply") }
    @Test func getSmsPackageItemsReply() throws { try checkReply(SOAPExamples.getSmsPackageItemsReply, .listSmsItems, "getSmsPackageItems.reply") }
    @Test func getSmsSendersReply() throws { try checkReply(SOAPExamples.getSmsSendersReply, .listSenders, "getSmsSenders.reply") }
    @Test func cancelSmsPackageReply() throws { try checkReply(StatusReply(status: 1), .cancelSms, "cancelSmsPackage.reply") }
    @Test func getUserCreditReply() throws { try checkReply(UserCredit(credit: 316807), .userCredit, "getUserCredit.reply") }

    private func checkReply<Payload: Codable & Sendable & Hashable>(_ expected: Payload, _ operation: NodeAPIOperation, _ file: String) throws {
        let golden = try Golden.bytes(file)
        let decoded = try NodeAPISOAP.decodeReply(Payload.self, operation: operation, from: golden)
        #expect(decoded == .success(expected))
        let encoded = try NodeAPISOAP.encodeReply(NodeAPIReply.success(expected), operation: operation)
        #expect(try Golden.result(of: encoded) == Golden.result(of: golden))
    }

    @Test func everySOAPOperationHasADocumentExample() {
        let covered = Set(SOAPExamples.requests.map { type(of: $0.request).operation })
        #expect(covered == Set(NodeAPIOperation.soapOperations))
    }

    @Test func turkishTextSurvivesBothDirections() throws {
        var request = SOAPExamples.sendSmsSingle
        request.content = "Ğğ Üü Şş İı Öö Çç € {} <&> \" ' 😀"
        let bytes = try NodeAPISOAP.encodeRequest(request)
        #expect(try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: bytes).request == request)
    }
}
