import EuromsgExpress
import MySoftIYS
import Testing

/// The Euromsg Express wire: the document's token shapes, the shapes this project decided, and bad input as
/// `VALIDATION_ERROR` naming the field.
@Suite struct ExpressModelTests {
    func text(_ value: some Encodable) throws -> String { String(decoding: try ExpressJSON.encode(value), as: UTF8.self) }

    @Test func theTokenReplyHasTheDocumentsKeys() throws {
        let token = ExpressToken(tokenValue: "abc", expireTime: ExpressDateTime("2026-11-23T17:05:00+03:00")!, roles: ["CrmIntegrator"])
        #expect(try text(token) == #"{"expireTime":"2026-11-23T17:05:00+03:00","roles":["CrmIntegrator"],"tokenValue":"abc"}"#)
        let request = try ExpressJSON.decode(ExpressTokenRequest.self, from: Array(#"{"clientName": "admin", "password": "123456"}"#.utf8))
        #expect(request == ExpressTokenRequest(clientName: "admin", password: "123456"))
    }

    @Test func datesAreTurkishTimeWithTheirOffset() throws {
        #expect(ExpressDateTime("2026-02-29T10:00:00+03:00") == nil)
        #expect(ExpressDateTime("2026-11-23 10:00:00") == nil)
        #expect(ExpressDateTime("2026-11-23T10:00:00")?.description == "2026-11-23T10:00:00+03:00")
        #expect(ExpressDateTime("2026-11-23T10:00:00Z") == nil)
        let early = try #require(ExpressDateTime("2026-11-23T09:59:59+03:00"))
        #expect(early < ExpressDateTime("2026-11-23T10:00:00+03:00")!)
    }

    @Test func errorsNameTheirCodeAndField() throws {
        #expect(try text(ExpressError.invalid("email", "is required")) == #"{"errorCode":"VALIDATION_ERROR","field":"email","message":"email: is required"}"#)
        #expect(ExpressErrorCode.tokenExpired.httpStatus == 401)
        #expect(ExpressErrorCode.noSendingRights.httpStatus == 403)
        #expect(ExpressErrorCode.unknownAPIKey.httpStatus == 404)
    }

    @Test func badBodiesNameTheField() {
        func failure(_ json: String) -> ExpressError? {
            do {
                _ = try ExpressJSON.decode(AddMemberRequest.self, from: Array(json.utf8))
                return nil
            } catch {
                return error
            }
        }
        #expect(failure(#"{"email": "a@b.co"}"#)?.field == "listId")
        #expect(failure(#"{"listId": "x", "email": "a@b.co"}"#)?.field == "listId")
        #expect(failure(#"{"listId": 1, "email": "a@b.co", "iys": {"consentDate": "2024-01-01", "consentSource": "HS_WEB", "merchantConsentStatus": "ONAY"}}"#)?.field == "iys.consentDate")
        #expect(failure(#"{"listId": 1, "email": "a@b.co", "iys": {"consentDate": "2024-01-01 10:00:00", "consentSource": "HS_X", "merchantConsentStatus": "ONAY"}}"#)?.field == "iys.consentSource")
        #expect(failure("{listId: 1")?.errorCode == .validation)
        #expect(failure(#"{"listId": 1, "email": "ayşe@örnek.com.tr", "firstName": "Çağrı"}"#) == nil)
    }

    @Test func emailAddressesAreChecked() {
        for bad in ["", "ayse", "ayse@", "@example.com", "ayse@example", "ay se@example.com", "a@b@c.com", "ayse@.com"] {
            #expect(throws: ExpressError.self, "\(bad)") { try EmailAddress.validate(bad) }
        }
        #expect(throws: Never.self) { try EmailAddress.validate("gülşen.çakır+click@örnek.com.tr") }
        #expect(EmailAddress.key("Ayse@Example.COM") == "ayse@example.com")
    }

    @Test func queryParametersAreReadStrictly() throws {
        let query = QueryParameters(["campaignId": "7001", "status": "hardbounced", "opened": "true", "page": "2", "pageSize": "50"])
        let report = try ReportQuery(query)
        #expect(report.status == .hardBounced && report.opened == true && report.paging == ExpressPaging(page: 2, pageSize: 50))
        #expect(throws: ExpressError.invalid("campaignId", "is required")) { try ReportQuery(QueryParameters([:])) }
        #expect(throws: ExpressError.self) { try ReportQuery(QueryParameters(["campaignId": "1", "status": "Opened"])) }
        #expect(throws: ExpressError.self) { try ReportQuery(QueryParameters(["campaignId": "1", "spam": "maybe"])) }
        #expect(throws: ExpressError.self) { try ReportQuery(QueryParameters(["campaignId": "1", "pageSize": "1001"])) }
        #expect(throws: ExpressError.self) { try CampaignQuery(QueryParameters(["status": "Done"])) }
        #expect(try CampaignQuery(QueryParameters(["status": "OnGoing", "name": "İndirim"])) == CampaignQuery(name: "İndirim", status: .onGoing))
        #expect(try MemberQuery(QueryParameters(["email": "a@b.co", "listId": "3"])).selection == .email("a@b.co"))
        #expect(throws: ExpressError.self) { try MemberQuery(QueryParameters([:])) }
    }

    @Test func pagingSlicesAndCounts() {
        let page = ExpressPaging(page: 3, pageSize: 4).slice(Array(1...10))
        #expect(page.items == [9, 10] && page.totalCount == 10)
        #expect(ExpressPaging(page: 9, pageSize: 4).slice(Array(1...10)).items.isEmpty)
    }

    @Test func listNamesAreTrimmedAndBounded() throws {
        #expect(try EmailListName(name: "  Bülten  ").validated() == "Bülten")
        #expect(throws: ExpressError.self) { try EmailListName(name: " ").validated() }
        #expect(throws: ExpressError.self) { try EmailListName(name: String(repeating: "ş", count: 101)).validated() }
    }

    @Test func turkishTextSurvivesTheCodec() throws {
        let member = Member(memberId: 1, email: "ismail@örnek.com.tr", firstName: "İsmail", lastName: "Şahinoğlu", listIds: [1],
                            createdAt: ExpressDateTime("2026-11-23T10:00:00")!, updatedAt: ExpressDateTime("2026-11-23T10:00:00")!)
        let back = try ExpressJSON.decode(Member.self, from: try ExpressJSON.encode(member))
        #expect(back == member)
        #expect(try text(member).contains("\"İsmail\""))
    }
}
