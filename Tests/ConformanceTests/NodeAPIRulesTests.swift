import Conformance
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP
import Testing

/// Issue 15: the rules one request and one reply are held to, whoever sent them (the contract, the proxy).
@Suite struct NodeAPIRulesTests {
    let rules = NodeAPIReplyRules()

    @Test func aSOAPReplyWithAnElementTheDocumentDoesNotHaveIsReported() throws {
        let reply = try NodeAPISOAP.encodeReply(NodeAPIReply<UserCredit>.success(UserCredit(credit: 100)), operation: .userCredit)
        #expect(rules.differences(.userCredit, .soap, status: 200, body: reply, expecting: .success) == [])
        let text = String(decoding: reply, as: UTF8.self)
        let extra = try #require(text.range(of: "</credit>"))
        var planted = text
        planted.replaceSubrange(extra, with: "</credit><bonus>5</bonus><empty/>")
        #expect(rules.differences(.userCredit, .soap, status: 200, body: Array(planted.utf8), expecting: .success)
            == ["result.data.bonus is not in the document"], "an empty element is not given, known or not")
    }

    @Test func aReplyOfManyUnknownFieldsIsReportedInFewLines() {
        let fields = (0..<200).map { #""f\#($0)": \#($0)"# }.joined(separator: ", ")
        let json = Array(#"{"data": {"credit": 1, \#(fields)}, "err": null}"#.utf8)
        let differences = rules.differences(.userCredit, .json, status: 200, body: json, expecting: .success)
        #expect(differences.count == NodeAPIReplyRules.maxDifferences + 1)
        #expect(differences.last == "150 more differences left out")
        let elements = (0..<200).map { "<e\($0)>1</e\($0)>" }.joined()
        let soap = Array(#"<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><sms:getUserCreditResponse xmlns:sms="http://localhost:9587/wsdl/sms"><result><err/><data><credit>1</credit>\#(elements)</data></result></sms:getUserCreditResponse></soapenv:Body></soapenv:Envelope>"#.utf8)
        let soapDifferences = rules.differences(.userCredit, .soap, status: 200, body: soap, expecting: .success)
        #expect(soapDifferences.first == "result.data.e0 is not in the document")
        #expect(soapDifferences.count == NodeAPIReplyRules.maxDifferences + 1)
    }

    @Test func trafficMayGetAnyDocumentedErrorWithItsStatus() throws {
        let noCredit = try NodeAPIJSON.encodeReply(NodeAPIReply<UserCredit>.failure(NodeAPIError(.sms05)))
        #expect(rules.differences(.userCredit, .json, status: ErrorCode.sms05.entry.status, body: noCredit, expecting: .documented) == [])
        #expect(rules.differences(.userCredit, .json, status: ErrorCode.sms05.entry.status, body: noCredit, expecting: .success).count == 1)
        let invented = Array(#"{"data":null,"err":{"code":"ERR_SOMETHING","message":"?","status":418}}"#.utf8)
        #expect(rules.differences(.userCredit, .json, status: 418, body: invented, expecting: .documented)
            == ["ERR_SOMETHING is not in the document's error catalogue"])
        let wrongStatus = Array(#"{"data":null,"err":{"code":"ERR_UNAUTHORIZED_REQUEST","message":"?","status":400}}"#.utf8)
        #expect(rules.differences(.userCredit, .json, status: 400, body: wrongStatus, expecting: .documented)
            == ["err.status 400 where the document has 401 for ERR_UNAUTHORIZED_REQUEST"])
    }

    @Test func aRequestIsReadWithTheModel() throws {
        let unknown = NodeAPIRequestRules.json(path: "/user/credit", body: Array(#"{"foo": 1}"#.utf8))
        #expect(unknown.operation == .userCredit)
        #expect(unknown.differences == ["foo is not in the document (the provider ignores it)"])
        #expect(unknown.expected == .documented)

        let pageOfFive = NodeAPIRequestRules.json(path: "/sms/list", body: [], query: "pageSize=5")
        #expect(pageOfFive.differences.count == 1)
        #expect(pageOfFive.differences.first?.hasPrefix("the request breaks a rule of the document: ERR_INVALID_PARAM") == true)
        #expect(pageOfFive.expected == .error(.invalidParam), "the reply the document has for it")

        #expect(NodeAPIRequestRules.json(path: "/sms/unknown", body: []).differences == ["/sms/unknown is not an operation of the document"])

        let withoutCredentials = try NodeAPISOAP.encodeRequest(UserCreditRequest())
        let soap = NodeAPIRequestRules.soap(body: withoutCredentials)
        #expect(soap.operation == .userCredit)
        #expect(soap.face == .soap)
        #expect(soap.differences == ["the request has no <username> and <password>"])
        #expect(NodeAPIRequestRules.soap(body: Array("<a/>".utf8)).differences.first?.hasPrefix("the request is not a SOAP message") == true)
    }

    @Test func theHeaderIsOneLineOfASCII() {
        #expect(ConformanceHeader.value([]) == "ok")
        #expect(ConformanceHeader.value(["reply: Geçersiz 100%"]) == "1 difference: reply: Ge%C3%A7ersiz 100%25")
        let long = ConformanceHeader.value(Array(repeating: String(repeating: "ş", count: 100), count: 100))
        #expect(long.utf8.count <= ConformanceHeader.maxBytes)
        #expect(long.hasSuffix("..."))
        #expect(long.utf8.allSatisfy { (0x20..<0x7F).contains($0) })
    }
}
