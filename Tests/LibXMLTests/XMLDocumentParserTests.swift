import Testing
@testable import LibXML

@Suite struct XMLDocumentParserTests {
    @Test func parsesNamespacesByURINotPrefix() throws {
        let xml = #"<a:Envelope xmlns:a="urn:one" xmlns:b="urn:two"><b:Body><child x="1">ğüşıöçİ &amp; &gt;</child></b:Body></a:Envelope>"#
        let root = try XMLDocumentParser.parse(Array(xml.utf8))
        #expect(root.localName == "Envelope")
        #expect(root.namespaceURI == "urn:one")
        let body = try #require(root.child("Body", namespaceURI: "urn:two"))
        let child = try #require(body.child("child"))
        #expect(child.namespaceURI == nil)
        #expect(child.text == "ğüşıöçİ & >")
        #expect(child.attribute("x") == "1")
    }

    @Test func keepsCDATAAndCharacterReferences() throws {
        let root = try XMLDocumentParser.parse(Array("<r><![CDATA[<b>&]]>&#x11F;&#13;</r>".utf8))
        #expect(root.text == "<b>&ğ\r")
    }

    @Test func attributeAmpersandIsRestored() throws {
        let root = try XMLDocumentParser.parse(Array(#"<r v="a &amp; b &lt; c"/>"#.utf8))
        #expect(root.attribute("v") == "a & b < c")
    }

    @Test func refusesExternalEntity() {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <r>&x;</r>
        """
        #expect(throws: XMLParseError.doctypeNotAllowed) { try XMLDocumentParser.parse(Array(xml.utf8)) }
    }

    @Test func refusesBillionLaughs() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            xml += "<!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>"
        #expect(throws: XMLParseError.doctypeNotAllowed) { try XMLDocumentParser.parse(Array(xml.utf8)) }
    }

    @Test func refusesUndeclaredEntityWithoutReadingAnything() {
        #expect(throws: XMLParseError.self) { try XMLDocumentParser.parse(Array("<r>&x;</r>".utf8)) }
    }

    @Test func refusesDeepNesting() {
        let xml = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(throws: XMLParseError.tooDeep(limit: 64)) { try XMLDocumentParser.parse(Array(xml.utf8)) }
    }

    @Test func refusesOversizedDocumentBeforeParsing() {
        let bytes = [UInt8](repeating: 0x20, count: 50 * 1024 * 1024)
        #expect(throws: XMLParseError.documentTooLarge(bytes: bytes.count, limit: XMLParseLimits.default.maxBytes)) {
            try XMLDocumentParser.parse(bytes)
        }
    }

    @Test func reportsTruncatedDocumentWithPosition() {
        do {
            _ = try XMLDocumentParser.parse(Array("<a><b>text</b>".utf8))
            Issue.record("expected an error")
        } catch {
            guard case .malformed(let message, let line, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(!message.isEmpty)
            #expect(line == 1)
        }
    }

    @Test func refusesEmptyInput() {
        #expect(throws: XMLParseError.empty) { try XMLDocumentParser.parse([UInt8]()) }
        #expect(throws: XMLParseError.self) { try XMLDocumentParser.parse(Array("   ".utf8)) }
    }

    @Test func parsesConcurrently() async throws {
        let xml = Array("<r><a>1</a><b>ş</b></r>".utf8)
        try await withThrowingTaskGroup(of: XMLElement.self) { group in
            for _ in 0..<200 { group.addTask { try XMLDocumentParser.parse(xml) } }
            for try await root in group { #expect(root.child("b")?.text == "ş") }
        }
    }
}
