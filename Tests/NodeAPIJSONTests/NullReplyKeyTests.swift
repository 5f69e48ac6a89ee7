import Foundation
import NodeAPI
import NodeAPIExamples
import NodeAPIJSON
import Testing

/// Replies carry every key the document prints, `null` ones included: clients read `$item['error']` and
/// `$item['msg']` without checking that they are there (issue 12, item 6).
@Suite struct NullReplyKeyTests {
    @Test(arguments: JSONExamples.replies.indices)
    func everyPrintedKeyIsWritten(_ index: Int) throws {
        let example = JSONExamples.replies[index]
        try check(example.expected, file: example.file)
    }

    private func check<Expected: ReplyExpectation>(_ expected: Expected, file: String) throws {
        let golden = try JSONSerialization.jsonObject(with: Data(try JSONGolden.bytes(file)))
        let encoded = try JSONSerialization.jsonObject(with: Data(try NodeAPIJSON.encodeReply(NodeAPIReply.success(expected.payload))))
        let missing = JSONKeyPaths.of(golden).subtracting(JSONKeyPaths.of(encoded))
        #expect(missing.isEmpty, "\(file): the reply lacks \(missing.sorted())")
    }

    @Test func theKeysClientsReadAreNullNotAbsent() throws {
        let item = PackageItem(id: "1", credit: 1, state: .delivered, sender: "BASLIK", target: "905551230011")
        let text = String(decoding: try NodeAPIJSON.encodeReply(NodeAPIReply<Page<PackageItem>>.success(Page(totalRecord: 1, list: [item]))), as: UTF8.self)
        for key in ["msg", "error", "deliveryDate", "sendingDate", "processingDate"] { #expect(text.contains(#""\#(key)":null"#), "\(key): \(text)") }
        let contact = Contact(uuid: "u", gsm: "905551230011")
        let contactText = String(decoding: try NodeAPIJSON.encodeReply(NodeAPIReply.success(contact)), as: UTF8.self)
        for key in ["groups", "details", "firstName", "lastName", "iys"] { #expect(contactText.contains(#""\#(key)":null"#), "\(key): \(contactText)") }
        let group = ContactGroup(uuid: "g", title: "Grup", stats: .init(contactCount: 0))
        #expect(String(decoding: try NodeAPIJSON.encodeReply(NodeAPIReply.success(group)), as: UTF8.self).contains(#""parentInfo":null"#))
    }
}
