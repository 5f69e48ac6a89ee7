import HTTPTypes
import MockProviders
import Testing

/// `HTTPFields.value(of:)`: what the subscript gives, read without its generic join.
@Suite struct HTTPFieldsValueTests {
    @Test func oneFieldIsItsValueAndSeveralAreJoinedAsTheSubscriptJoinsThem() {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .authorization: "Basic YWRtaW46MTIzNDU2"]
        #expect(headers.value(of: .contentType) == "application/json; charset=utf-8")
        #expect(headers.value(of: .authorization) == headers[.authorization])
        #expect(headers.value(of: .accept) == nil)
        headers.append(HTTPField(name: .authorization, value: "Bearer x"))
        #expect(headers.value(of: .authorization) == "Basic YWRtaW46MTIzNDU2, Bearer x")
        headers.append(HTTPField(name: .cookie, value: "a=1"))
        headers.append(HTTPField(name: .cookie, value: "b=2"))
        #expect(headers.value(of: .cookie) == headers[.cookie])
    }
}
