import NodeAPI
import NodeAPIJSON
import Testing

/// GET requests take their parameters from the query string, by the body's rules (issue 12, item 5).
@Suite struct QueryDecodingTests {
    @Test func scalarsListsAndDatesFromAQuery() throws {
        let request = try NodeAPIJSON.decodeRequest(
            ListSmsRequest.self, query: "ids=1,2&ids=3&keyword=a+b%2Cc+%C4%9F%C3%BC%C5%9F%C4%B1&status=1&startDate=2024-01-01+10:00&pageIndex=2&pageSize="
        )
        #expect(request.ids == [1, 2, 3])
        #expect(request.keyword == "a b,c ğüşı")
        #expect(request.status == PackageFilter(rawValue: 1))
        #expect(request.startDate == WireDate("2024-01-01 10:00"))
        #expect(request.paging == Paging(pageIndex: 2))
    }

    @Test(arguments: ["ids%5B%5D=5&ids%5B%5D=6", "ids[]=5&ids[]=6", "ids[1]=6&ids[0]=5", "ids=5&ids=6", "ids=5,+6"])
    func listSpellings(_ query: String) throws {
        #expect(try NodeAPIJSON.decodeRequest(ListSmsRequest.self, query: query[...]).ids == [5, 6])
    }

    @Test func anEmptyValueIsNotGiven() throws {
        let request = try NodeAPIJSON.decodeRequest(ListSmsItemsRequest.self, query: "pkgID=7&startDate=&finishDate=")
        #expect(request.package == .id(7))
    }

    @Test func unknownParametersFollowTheBodysRule() throws {
        #expect(throws: NodeAPIError.self) { try NodeAPIJSON.decodeRequest(ListSendersRequest.self, query: "status=1&_=1733130000") }
        let ignored = IgnoredFields()
        let request = try NodeAPIJSON.decodeRequest(ListSendersRequest.self, query: "status=1&_=1733130000", ignoring: ignored)
        #expect(request.status == .approved)
        #expect(ignored.all == ["_"])
    }

    @Test func badValuesNameTheField() {
        do {
            _ = try NodeAPIJSON.decodeRequest(ListSmsRequest.self, query: "ids=1,x")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "ERR_INVALID_PARAM")
            #expect(error.message.contains("ids[1]"), "\(error.message)")
        }
        #expect(throws: NodeAPIError.self) { try NodeAPIJSON.decodeRequest(ListSendersRequest.self, query: "status=1&status=2") }
    }

    @Test func aHostileQueryIsBounded() {
        let many = (0...10_000).map { "f\($0)=1" }.joined(separator: "&")
        #expect(throws: NodeAPIError.self) { try NodeAPIJSON.decodeRequest(ListSendersRequest.self, query: many[...], ignoring: IgnoredFields()) }
        let deep = "a" + String(repeating: "[b]", count: 50) + "=1"
        #expect(throws: NodeAPIError.self) { try NodeAPIJSON.decodeRequest(ListSendersRequest.self, query: deep[...], ignoring: IgnoredFields()) }
    }
}
