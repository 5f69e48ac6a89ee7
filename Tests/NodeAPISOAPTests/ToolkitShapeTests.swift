import NodeAPI
import NodeAPISOAP
import Testing

/// What SOAP toolkits build from the served WSDL (issue 12, item 10).
@Suite struct ToolkitShapeTests {
    static let open = #"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Body>"#
    static let close = "</soapenv:Body></soapenv:Envelope>"

    /// zeep has no other way to fill the mixed `NumberItem` than `<item><nr>…</nr></item>`: with `sendingType` 1 that
    /// is a plain number; with `cfs` it is a personalised one.
    @Test func anItemWithOnlyNrIsAPlainNumber() throws {
        let envelope = Self.open + "<sms:sendSms><username>admin</username><password>123456</password><type>1</type><sendingType>1</sendingType>"
            + "<title>T</title><content>Merhaba</content><numbers><item><nr>905551230011</nr></item><item><nr>905551230012</nr><msg/></item><item>905551230013</item></numbers>"
            + "<sender>BASLIK</sender></sms:sendSms>" + Self.close
        let request = try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: Array(envelope.utf8)).request
        #expect(request.recipients == .oneToMany(["905551230011", "905551230012", "905551230013"]))
    }

    @Test func cfsMakeItPersonalised() throws {
        let envelope = Self.open + "<sms:sendSms><username>admin</username><password>123456</password><type>1</type><sendingType>1</sendingType>"
            + "<title>T</title><content>Merhaba AD</content><customFields><item>AD</item></customFields>"
            + "<numbers><item><nr>905551230011</nr><cfs><AD>Ali</AD></cfs></item></numbers><sender>BASLIK</sender></sms:sendSms>" + Self.close
        let request = try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: Array(envelope.utf8)).request
        #expect(request.recipients == .personalised(fields: ["AD"], numbers: [PersonalisedNumber(nr: "905551230011", cfs: ["AD": "Ali"])]))
    }
}
