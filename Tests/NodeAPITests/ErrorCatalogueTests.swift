import NodeAPI
import Testing

@Suite struct ErrorCatalogueTests {
    @Test func catalogueHoldsTheDocumentsCodesAndTheWildNames() {
        let documented = ErrorCode.allCases.filter(\.isDocumented)
        #expect(documented.count == 39)
        #expect(ErrorCode.allCases.count - documented.count == 10)
        #expect(Set(ErrorCode.catalogue.map(\.name)).count == ErrorCode.allCases.count)
        #expect(Set(documented.compactMap(\.entry.number)).count == documented.count)
        #expect(ErrorCode.sms43.entry.name == "ERR_REQUEST_PARAM_LIMIT")
    }

    @Test func looksUpByNameAndByNumber() {
        #expect(ErrorCode(wireName: "ERR_SMS_PKG_NOT_FOUND") == .sms06)
        #expect(ErrorCode(wireName: "SMS06") == .sms06)
        #expect(ErrorCode(wireName: "sms18") == .sms18)
        #expect(ErrorCode(wireName: "ERR_UNAUTHORIZED_REQUEST") == .unauthorizedRequest)
        #expect(ErrorCode(wireName: "SMS34") == nil)
    }

    @Test func statusesFollowTheDecision() {
        #expect(ErrorCode.sms18.entry.status == 417)
        #expect(ErrorCode.unauthorizedRequest.entry.status == 401)
        #expect(ErrorCode.sms01.entry.status == 403)
        #expect(ErrorCode.sms06.entry.status == 404)
        #expect(ErrorCode.sms42.entry.status == 409)
        #expect(ErrorCode.sms50.entry.status == 429)
        #expect(ErrorCode.sms99.entry.status == 503)
        #expect(ErrorCode.allCases.allSatisfy { [400, 401, 403, 404, 409, 417, 429, 500, 503].contains($0.entry.status) })
    }

    @Test func messagesAreTurkish() {
        #expect(NodeAPIError(.sms18).message == "Kullanıcı yeterli krediye sahip değil.")
        #expect(NodeAPIError(.sms30).message.contains("İYS"))
        #expect(NodeAPIError.invalid("pageSize", "must be between 10 and 1000").message == "Geçersiz parametre. (pageSize: must be between 10 and 1000)")
        #expect(NodeAPIError(.sms06).errorCode == .sms06)
    }
}
