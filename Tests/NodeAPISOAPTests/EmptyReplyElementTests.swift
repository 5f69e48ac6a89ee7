import NodeAPI
import NodeAPISOAP
import Testing

/// The SOAP face writes the keys the document prints empty (`<error></error>`, `<deliveryDate></deliveryDate>`
/// in its getSmsPackageItems example) as empty elements, and reads them back as "not given" (issue 12, item 6).
@Suite struct EmptyReplyElementTests {
    @Test func anItemWithoutErrorOrDeliveryHasTheirEmptyElements() throws {
        let item = PackageItem(id: "12345678910", credit: 1, state: .delivered, sender: "BASLIK", target: "905433404971", setState: 4)
        let reply = NodeAPIReply<Page<PackageItem>>.success(Page(totalRecord: 1, list: [item]))
        let bytes = try NodeAPISOAP.encodeReply(reply, operation: .listSmsItems)
        let text = String(decoding: bytes, as: UTF8.self)
        for name in ["msg", "error", "deliveryDate", "sendingDate", "processingDate"] {
            #expect(text.contains("<\(name)/>") || text.contains("<\(name)></\(name)>"), "\(name): \(text)")
        }
        #expect(try NodeAPISOAP.decodeReply(Page<PackageItem>.self, operation: .listSmsItems, from: bytes) == reply)
    }
}
