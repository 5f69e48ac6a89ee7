import Foundation
import MySoftIYS
import Testing

/// The MySoft İYS model and codec: the document's samples (its `{1, 2}` lists written as arrays), the
/// envelope, and bad input as `HM422` naming the field.
@Suite struct IYSModelTests {
    static let sendConsent = #"""
    {"brandCode":"5565656556","isNotAutoSendIYS": true,"consentData": {"recipient": "+905555555555","recipientType": "BIREYSEL",
     "type": "MESAJ","consentDate": "2018-02-10 09:30:00","source": "HS_FIZIKSEL_ORTAM","status": "ONAY","retailerCode": 1553855,
     "retailerAccess": [5556665665, 6569885955, 5665656556, 8998855599]}}
    """#

    @Test func decodesTheDocumentsSendConsent() throws {
        let request = try IYSJSON.decode(SendConsentRequest.self, from: Array(Self.sendConsent.utf8))
        #expect(request.brandCode == "5565656556")
        #expect(request.consentData == ConsentData(
            recipient: "+905555555555", recipientType: .individual, type: .message, consentDate: IYSDateTime("2018-02-10 09:30:00"),
            source: .physical, status: .approved, retailerCode: 1_553_855, retailerAccess: [5_556_665_665, 6_569_885_955, 5_665_656_556, 8_998_855_599]
        ))
        try request.consentData.validate()
    }

    @Test func decodesTheDocumentsBatchReplyWithItsSpelling() throws {
        let reply = #"""
        {"succeed": true, "data": {"transctionGuid": "638bfa83-c188-47a3-81e6-4aef718d27c5", "consentList": [{"recipient": "+905555555555",
         "recipientType": "BIREYSEL", "type": "MESAJ", "consentDate": "2018-02-10 09:30:00", "source": "HS_FIZIKSEL_ORTAM", "status": "ONAY",
         "portalStatusText": "Incorrect phone information", "portalStatus": 1, "errorMessage": "The phone number must be entered correctly."}]},
         "message": null}
        """#
        let decoded = try IYSJSON.decode(IYSResult<BatchSendResult>.self, from: Array(reply.utf8)).get()
        #expect(decoded.transctionGuid == "638bfa83-c188-47a3-81e6-4aef718d27c5")
        #expect(decoded.consentList.first?.portalStatus == 1)
        #expect(decoded.consentList.first?.errorMessage == "The phone number must be entered correctly.")
        let encoded = String(decoding: try IYSJSON.encode(IYSResult.success(decoded)), as: UTF8.self)
        #expect(encoded.contains(#""transctionGuid":"638bfa83-c188-47a3-81e6-4aef718d27c5""#))
        #expect(encoded.contains(#""errorCode":null"#))
    }

    @Test func decodesTheQueryAndTheSendStatusSampleSpellings() throws {
        let record = #"""
        {"brandCode": "606202", "recipient": "+905555555555", "recipientType": "BIREYSEL", "type": "MESAJ", "consentDate": "2018-02-10 09:30:00",
         "source": "HS_FIZIKSEL_ORTAM", "status": "ONAY", "retailerCode": null, "retailerAccess": null, "errorMessage": null,
         "iysSendStatus": 11, "iysSendStatustext": "IYS’ye Gönderildi.", "iysCreationDate": "2020-01-01 09:30:00", "iysTransactionId": "162cc11223344debc34dfe84ed"}
        """#
        let decoded = try IYSJSON.decode(ConsentRecord.self, from: Array(record.utf8))
        #expect(decoded.brandCode == "606202")
        #expect(decoded.iysSendStatus == .sent)
        #expect(decoded.iysSendStatusText == "IYS'ye gönderildi")
        #expect(decoded.iysCreationDate == IYSDateTime("2020-01-01 09:30:00"))
        let query = #"{"brandCode": 555556655, "afterValue": "10000", "recordCount": 1, "consentData": [\#(record)]}"#
        #expect(try IYSJSON.decode(ConsentQueryResult.self, from: Array(query.utf8)).afterValue == 10_000)
    }

    @Test func theDocumentsBrandList() throws {
        let reply = #"{"succeed": true, "data": [{"brandCode": 1232322, "stats": {"consents": {"approval": 22, "rejection": 0, "total": 22}, "retailers": {"total": 4}}, "name": "Test Marka 1", "master": true}], "message": null}"#
        let brands = try IYSJSON.decode(IYSResult<[Brand]>.self, from: Array(reply.utf8)).get()
        #expect(brands == [Brand(brandCode: 1_232_322, stats: .init(consents: .init(approval: 22, rejection: 0, total: 22), retailers: .init(total: 4)), name: "Test Marka 1", master: true)])
    }

    @Test(arguments: [
        (#"{"brandCode": "1", "consentData": {"recipient": "+905555555555", "type": "SMS", "source": "HS_WEB", "status": "ONAY"}}"#, "consentData.type: 'SMS' is not one of ARAMA, MESAJ, EPOSTA"),
        (#"{"brandCode": "1", "consentData": {"recipient": "+905555555555", "type": "MESAJ", "source": "HS_WEB"}}"#, "consentData.status: is required"),
        (#"{"brandCode": "1", "consentData": {"recipient": 905555555555, "type": "MESAJ", "source": "HS_WEB", "status": "ONAY"}}"#, "consentData.recipient: expected text"),
        (#"{"brandCode": "1", "consentData": {"recipient": "+905555555555", "type": "MESAJ", "source": "HS_WEB", "status": "ONAY", "consentDate": "10.02.2018"}}"#, "consentData.consentDate: '10.02.2018' is not a date in the form yyyy-MM-dd HH:mm:ss"),
        (#"{"consentData": {}}"#, "brandCode: is required"),
        (#"{"brandCode": "1", "consentData": {"#, "the body is not valid JSON"),
    ])
    func badInputIsHM422NamingTheField(body: String, message: String) {
        #expect(throws: IYSError(.HM422, message)) { try IYSJSON.decode(SendConsentRequest.self, from: Array(body.utf8)) }
    }

    @Test(arguments: [
        (ConsentData(recipient: "+9055555555551234", type: .message, consentDate: IYSDateTime("2020-01-01 10:00:00"), source: .web, status: .approved), "consentData.recipient: a phone number may have at most 15 characters"),
        (ConsentData(recipient: "05555555555", type: .message, consentDate: IYSDateTime("2020-01-01 10:00:00"), source: .web, status: .approved), "consentData.recipient: '05555555555' is not a phone number in the form +905XXXXXXXXX"),
        (ConsentData(recipient: String(repeating: "a", count: 280) + "@x.com", type: .email, consentDate: IYSDateTime("2020-01-01 10:00:00"), source: .web, status: .approved), "consentData.recipient: an e-mail address may have at most 284 characters"),
        (ConsentData(recipient: "ali@example.com", type: .message, consentDate: IYSDateTime("2020-01-01 10:00:00"), source: .web, status: .approved), "consentData.type: MESAJ needs a phone number, not an e-mail address"),
        (ConsentData(recipient: "+905555555555", type: .message, consentDate: nil, source: .web, status: .approved), "consentData.consentDate: is required unless recipientType is TACIR"),
        (ConsentData(recipient: "+905555555555", type: .message, consentDate: IYSDateTime("2020-01-01 10:00:00"), source: .iysWeb, status: .approved), "consentData.source: IYS_WEB is set by İYS itself; brands send HS_* sources"),
    ])
    func theDocumentsRules(consent: ConsentData, message: String) {
        #expect(throws: IYSError(.HM422, message)) { try consent.validate() }
    }

    @Test func merchantsNeedNoConsentDate() throws {
        try ConsentData(recipient: "+905555555555", recipientType: .merchant, type: .call, consentDate: nil, source: .callCentre, status: .rejected).validate()
    }

    @Test func datesAreStrict() {
        #expect(IYSDateTime("2024-02-29 23:59:59")?.description == "2024-02-29 23:59:59")
        #expect(IYSDateTime("2023-02-29 10:00:00") == nil)
        #expect(IYSDateTime("2023-02-28T10:00:00") == nil)
        #expect(IYSDateTime("2023-02-28 24:00:00") == nil)
    }

    @Test func tokenRequestsAsFormsOrJSON() throws {
        let form = TokenRequest(form: "username=admin&password=12%2B34+x&grant_type=password")
        #expect(form == TokenRequest(username: "admin", password: "12+34 x"))
        #expect(TokenRequest(form: TokenRequest(username: "şirket", password: "p&=").formEncoded) == TokenRequest(username: "şirket", password: "p&="))
        let json = try IYSJSON.decode(TokenRequest.self, from: Array(#"{"username": "admin", "password": "123456", "grant_type": "password"}"#.utf8))
        #expect(json == TokenRequest(username: "admin", password: "123456"))
    }
}
