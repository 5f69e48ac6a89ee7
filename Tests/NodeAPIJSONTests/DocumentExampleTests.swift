import Foundation
import NodeAPI
import NodeAPIExamples
import NodeAPIJSON
import Testing

/// Every operation's request and reply in JSON, with the document's example values: decoded to the
/// expected typed value and re-encoded to an equivalent document.
@Suite struct DocumentExampleTests {
    @Test(arguments: JSONExamples.requests.indices)
    func requestExample(_ index: Int) throws {
        let example = JSONExamples.requests[index]
        try check(example.request, file: example.file)
    }

    private func check<Request: NodeAPIRequest>(_ expected: Request, file: String) throws {
        let golden = try JSONGolden.bytes(file)
        let decoded = try NodeAPIJSON.decodeRequest(Request.self, from: golden)
        #expect(decoded == expected, "\(file)")
        let encoded = try NodeAPIJSON.encodeRequest(expected)
        #expect(try JSONGolden.normalized(encoded) == JSONGolden.normalized(golden), "\(file) re-encoded: \(String(decoding: encoded, as: UTF8.self))")
    }

    @Test(arguments: JSONExamples.replies.indices)
    func replyExample(_ index: Int) throws {
        let example = JSONExamples.replies[index]
        try checkReply(example.expected, operation: example.operation, file: example.file)
    }

    private func checkReply<Expected: ReplyExpectation>(_ expected: Expected, operation: NodeAPIOperation, file: String) throws {
        let golden = try JSONGolden.bytes(file)
        let decoded = try NodeAPIJSON.decodeReply(Expected.Payload.self, from: golden)
        #expect(decoded == .success(expected.payload), "\(file)")
        let encoded = try NodeAPIJSON.encodeReply(NodeAPIReply.success(expected.payload))
        #expect(try JSONGolden.normalized(encoded) == JSONGolden.normalized(golden), "\(file) re-encoded: \(String(decoding: encoded, as: UTF8.self))")
    }

    @Test func everyOperationHasARequestAndAReplyExample() {
        #expect(Set(JSONExamples.requests.map { type(of: $0.request).operation }) == Set(NodeAPIOperation.allCases))
        #expect(Set(JSONExamples.replies.map(\.operation)) == Set(NodeAPIOperation.allCases))
    }

    /// Keys are written sorted: Foundation's encoder would otherwise write them in hash order.
    @Test func errorReplyExample() throws {
        let golden = try JSONGolden.bytes("error-credit.reply")
        let decoded = try NodeAPIJSON.decodeReply(PackageCreated.self, from: golden)
        #expect(decoded == .failure(NodeAPIError(.sms18)))
        let encoded = try NodeAPIJSON.encodeReply(decoded)
        #expect(String(decoding: encoded, as: UTF8.self) == #"{"data":null,"err":{"code":"ERR_USER_CREDIT_REQUIRED","message":"Kullanıcı yeterli krediye sahip değil.","status":417}}"#)
    }
}
