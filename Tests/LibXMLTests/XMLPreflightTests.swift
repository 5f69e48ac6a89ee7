import Testing
@testable import LibXML

/// Issue 11, finding 5: attributes and nodes are bounded, and counted linearly before libxml2 runs (libxml2's own
/// duplicate-attribute check is quadratic: 200 000 attributes on one element took 48 s).
@Suite struct XMLPreflightTests {
    static func element(attributes: Int, namespaces: Int = 0) -> String {
        let declarations = (0..<namespaces).map { #" xmlns:n\#($0)="urn:\#($0)""# }.joined()
        return "<r\(declarations)" + (0..<attributes).map { #" a\#($0)="\#($0)""# }.joined() + "/>"
    }

    @Test func twoHundredThousandAttributesAreRefusedBeforeLibxml2Runs() {
        let xml = Array(Self.element(attributes: 200_000).utf8)
        #expect(xml.count > 2_000_000)
        let refusal = xml.withUnsafeBytes { XMLPreflight.check($0, limits: .default) }
        #expect(refusal == .tooManyAttributes(limit: 64))
        #expect(throws: XMLParseError.tooManyAttributes(limit: 64)) { try XMLDocumentParser.parse(xml) }
    }

    @Test func theAttributeLimitCountsNamespaceDeclarations() throws {
        let root = try XMLDocumentParser.parse(Array(Self.element(attributes: 60, namespaces: 4).utf8))
        #expect(root.attributes.count == 60)
        #expect(throws: XMLParseError.tooManyAttributes(limit: 64)) { try XMLDocumentParser.parse(Array(Self.element(attributes: 61, namespaces: 4).utf8)) }
        #expect(throws: XMLParseError.tooManyAttributes(limit: 64)) { try XMLDocumentParser.parse(Array(Self.element(attributes: 65).utf8)) }
    }

    @Test func onlyStartTagsAreCounted() throws {
        // '=' and '<' in quoted values, text, comments, CDATA and processing instructions are not attributes or elements.
        let noise = (0..<100).map { "k\($0)=v" }.joined(separator: " ")
        let xml = #"<?pi \#(noise)?><r v="\#(noise) >" w='a=b'><!-- <a \#(noise)> --><![CDATA[<a \#(noise)>]]>\#(noise) &gt;</r>"#
        let root = try XMLDocumentParser.parse(Array(xml.utf8))
        #expect(root.attribute("w") == "a=b")
        #expect(root.text.hasPrefix("<a k0=v"))
    }

    @Test func theNodeCountIsBounded() throws {
        let limits = XMLParseLimits(maxNodes: 1_000)
        let within = "<r>" + String(repeating: "<a/>", count: 999) + "</r>"
        #expect(try XMLDocumentParser.parse(Array(within.utf8), limits: limits).children.count == 999)
        let beyond = "<r>" + String(repeating: "<a/>", count: 1_000) + "</r>"
        #expect(throws: XMLParseError.tooManyNodes(limit: 1_000)) { try XMLDocumentParser.parse(Array(beyond.utf8), limits: limits) }
        // Attributes count as nodes too: the exact count is libxml2's, after the preflight's bound on elements.
        let attributes = "<r>" + String(repeating: #"<a x="1"/>"#, count: 600) + "</r>"
        #expect(throws: XMLParseError.tooManyNodes(limit: 1_000)) { try XMLDocumentParser.parse(Array(attributes.utf8), limits: limits) }
        // The default bound holds a sendSms to 100 000 numbers.
        let numbers = "<numbers>" + String(repeating: "<item>905551230011</item>", count: 100_000) + "</numbers>"
        #expect(try XMLDocumentParser.parse(Array(numbers.utf8)).children.count == 100_000)
    }
}
