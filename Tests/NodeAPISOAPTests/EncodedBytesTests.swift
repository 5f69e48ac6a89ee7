import Foundation
import NodeAPI
import NodeAPIExamples
import NodeAPISOAP
import Testing

/// The encoder's output, byte for byte: a change in layout, prefixes or escaping shows up here.
@Suite struct EncodedBytesTests {
    @Test func manyToManyRequestBytes() throws {
        let bytes = try NodeAPISOAP.encodeRequest(SOAPExamples.sendSmsManyToMany, credentials: Credentials(username: "admin", password: "123456"))
        #expect(bytes == (try Golden.bytes("sendSms-NtoN.request", in: "encoded")))
    }

    @Test func errorReplyBytes() throws {
        let bytes = try NodeAPISOAP.encodeReply(NodeAPIReply<PackageCreated>.failure(NodeAPIError(.sms18)), operation: .createSms)
        #expect(bytes == (try Golden.bytes("sendSms-credit.error", in: "encoded")))
    }

    @Test func faultBytes() throws {
        let bytes = NodeAPISOAP.encodeFault(SOAPFault(.client, "unknown operation 'sendFax'"))
        #expect(bytes == (try Golden.bytes("fault", in: "encoded")))
    }
}
