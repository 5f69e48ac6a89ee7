import Testing
@testable import LibXML

@Suite struct XMLWriterTests {
    @Test func writesPrefixesAndEscapes() {
        let root = XMLElement("Envelope", namespaceURI: "urn:env", children: [
            XMLElement("Body", namespaceURI: "urn:env", children: [
                XMLElement("op", namespaceURI: "urn:svc", children: [
                    XMLElement("content", text: "a < b & c > d\r\nğİ"),
                    XMLElement("empty"),
                ]),
            ]),
        ])
        let writer = XMLWriter(namespaces: [.init(prefix: "soapenv", uri: "urn:env"), .init(prefix: "sms", uri: "urn:svc")], indent: nil)
        let text = String(decoding: writer.write(root), as: UTF8.self)
        #expect(text == #"<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="urn:env" xmlns:sms="urn:svc"><soapenv:Body><sms:op><content>a &lt; b &amp; c &gt; d&#13;"# + "\n" + #"ğİ</content><empty/></sms:op></soapenv:Body></soapenv:Envelope>"#)
    }

    @Test func generatesPrefixForUndeclaredNamespace() throws {
        let root = XMLElement("r", namespaceURI: "urn:x", children: [XMLElement("c", namespaceURI: "urn:x")])
        let bytes = XMLWriter(indent: nil, declaration: false).write(root)
        #expect(String(decoding: bytes, as: UTF8.self) == #"<ns0:r xmlns:ns0="urn:x"><ns0:c/></ns0:r>"#)
        #expect(try XMLDocumentParser.parse(bytes) == root)
    }

    @Test func replacesCharactersXMLCannotCarry() throws {
        let root = XMLElement("r", attributes: [XMLAttribute("v", value: "\"q\"\t\n")], text: "a\u{1}b\u{FFFF}c\u{FFFD}")
        let bytes = XMLWriter(indent: nil).write(root)
        let parsed = try XMLDocumentParser.parse(bytes)
        #expect(parsed.text == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(parsed.attribute("v") == "\"q\"\t\n")
    }

    @Test func roundTripsIndentedTree() throws {
        let root = XMLElement("list", children: [
            XMLElement("item", children: [XMLElement("nr", text: "905511034554"), XMLElement("msg", text: "Özel mesaj")]),
            XMLElement("item", children: [XMLElement("nr", text: "905433404971")]),
        ])
        let parsed = try XMLDocumentParser.parse(XMLWriter(indent: 4).write(root))
        #expect(parsed.children == root.children)
    }
}
