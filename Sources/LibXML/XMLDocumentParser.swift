internal import CLibXML2

/// Parses untrusted bytes into an ``XMLElement`` tree with libxml2, safely.
///
/// Safety by construction, not by configuration of a general parser:
/// - network access is off and the external entity loader returns nothing, for the whole process;
/// - any `<!DOCTYPE …>` stops the parse before its internal subset is read, so no entity is ever
///   declared, expanded or fetched (XXE, billion laughs); SOAP 1.1 forbids DTDs anyway;
/// - the input size, the element depth, the attributes per element and the nodes are bounded by ``XMLParseLimits``;
///   the attributes of a tag are counted by a linear pass before libxml2 runs (``XMLPreflight``), because libxml2's
///   own duplicate check is quadratic in them;
/// - the tree is built from SAX2 events straight into Swift values: no libxml2 object escapes;
/// - nothing is printed: errors without a parser context (a bad encoding) would otherwise reach stderr.
public enum XMLDocumentParser {
    private static let setUp: Void = {
        xmlInitParser()
        pm_install_null_entity_loader()
        pm_silence_generic_errors()
    }()

    /// Parses a whole document and returns its root element.
    public static func parse(
        _ bytes: some Sequence<UInt8>,
        limits: XMLParseLimits = .default
    ) throws(XMLParseError) -> XMLElement {
        let result: Result<Parsed, XMLParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            parse(UnsafeRawBufferPointer(buffer), limits: limits)
        }
        if let result { return try result.get().root }
        return try Array(bytes).withUnsafeBytes { parse($0, limits: limits) }.get().root
    }

    /// A parse's root, and the byte offsets its tree builder marked (see ``contentRanges(of:in:limits:)``).
    struct Parsed {
        var root: XMLElement
        var marks: [(start: Int, end: Int)]
    }

    static func parse(_ buffer: UnsafeRawBufferPointer, limits: XMLParseLimits, marking: Set<String> = []) -> Result<Parsed, XMLParseError> {
        _ = setUp
        guard buffer.count <= limits.maxBytes, buffer.count < Int(Int32.max) else {
            return .failure(.documentTooLarge(bytes: buffer.count, limit: limits.maxBytes))
        }
        guard let base = buffer.baseAddress, buffer.count > 0 else { return .failure(.empty) }
        if let refusal = XMLPreflight.check(buffer, limits: limits) { return .failure(refusal) }
        var builder = TreeBuilder(limits: limits, marking: marking)
        var handler = TreeBuilder.handler()
        var error = pm_parse_error()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let status = withUnsafeMutablePointer(to: &builder) { pointer in
            pm_sax_parse(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), &handler, pointer, options, &error)
        }
        if let failure = builder.failure { return .failure(failure) }
        if status != 0 {
            let message = withUnsafeBytes(of: error.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            let trimmed = message.trimmingTrailingNewlines()
            return .failure(.malformed(message: trimmed.isEmpty ? "not well formed" : trimmed, line: Int(error.line), column: Int(error.column)))
        }
        guard let root = builder.root else { return .failure(.empty) }
        return .success(Parsed(root: root, marks: builder.marks))
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isNewline || last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

/// Collects SAX2 events into ``XMLElement`` values. Lives for one parse, on one thread, on the parse's stack: the
/// callbacks reach it through the pointer in the parser context, so no access to it is checked at run time (as a
/// class's properties would be, a tenth of a parse).
private struct TreeBuilder {
    let limits: XMLParseLimits
    /// Elements and attributes so far.
    var nodes = 0
    /// Elements under construction, the innermost last; their `text` accumulates as it arrives.
    var stack: [XMLElement] = []
    var root: XMLElement?
    var failure: XMLParseError?
    /// libxml2 interns names in the parse's dictionary, so a pointer seen before is the same namespace URI: URIs are
    /// long (heap-allocated) strings and few, worth keeping by pointer; element names are mostly small strings.
    var uris = InternedStrings()
    /// Local names, lowercased, whose elements' offsets are marked: the start tag's `>` and the end tag's end, for the
    /// outermost such element of a branch (``XMLDocumentParser/contentRanges(of:in:limits:)``).
    let marking: Set<String>
    var marks: [(start: Int, end: Int)] = []
    /// The depth of the marked element open now, and its start.
    var open: (depth: Int, start: Int)?

    init(limits: XMLParseLimits, marking: Set<String>) {
        self.limits = limits
        self.marking = marking
        stack.reserveCapacity(16)
    }

    mutating func fail(_ error: XMLParseError, _ ctx: UnsafeMutableRawPointer?) {
        if failure == nil { failure = error }
        pm_stop_parser(ctx)
    }

    /// Runs `body` with the builder of a parse.
    static func with(_ ctx: UnsafeMutableRawPointer?, _ body: (inout TreeBuilder) -> Void) {
        guard let raw = pm_builder(ctx) else { return }
        body(&raw.assumingMemoryBound(to: TreeBuilder.self).pointee)
    }

    static func handler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.internalSubset = { ctx, _, _, _ in
            TreeBuilder.with(ctx) { $0.fail(.doctypeNotAllowed, ctx) }
        }
        sax.externalSubset = { ctx, _, _, _ in
            TreeBuilder.with(ctx) { $0.fail(.doctypeNotAllowed, ctx) }
        }
        sax.reference = { ctx, name in
            let text = name.map { String(cString: $0) } ?? "?"
            TreeBuilder.with(ctx) { $0.fail(.entityNotAllowed(name: text), ctx) }
        }
        sax.startElementNs = { ctx, localName, _, uri, _, _, attributeCount, _, attributes in
            TreeBuilder.with(ctx) { builder in
                guard builder.failure == nil else { return }
                guard builder.stack.count < builder.limits.maxDepth else {
                    builder.fail(.tooDeep(limit: builder.limits.maxDepth), ctx)
                    return
                }
                guard Int(attributeCount) <= builder.limits.maxAttributesPerElement else {
                    builder.fail(.tooManyAttributes(limit: builder.limits.maxAttributesPerElement), ctx)
                    return
                }
                builder.nodes += 1 + Int(attributeCount)
                guard builder.nodes <= builder.limits.maxNodes else {
                    builder.fail(.tooManyNodes(limit: builder.limits.maxNodes), ctx)
                    return
                }
                var element = XMLElement(localName.map { String(cString: $0) } ?? "", namespaceURI: builder.uris.string(uri))
                if !builder.marking.isEmpty, builder.open == nil, builder.marking.contains(element.localName.lowercased()) {
                    builder.open = (builder.stack.count, pm_byte_offset(ctx))
                }
                if attributeCount > 0, let attributes {
                    element.attributes.reserveCapacity(Int(attributeCount))
                    for index in 0..<Int(attributeCount) {
                        let base = index * 5
                        guard let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                        let bytes = UnsafeBufferPointer(start: start, count: end - start)
                        let value = String(decoding: bytes, as: UTF8.self).replacingCharacterReference38()
                        element.attributes.append(XMLAttribute(
                            attributes[base].map { String(cString: $0) } ?? "", namespaceURI: builder.uris.string(attributes[base + 2]), value: value
                        ))
                    }
                }
                builder.stack.append(element)
            }
        }
        sax.endElementNs = { ctx, _, _, _ in
            TreeBuilder.with(ctx) { builder in
                guard builder.failure == nil, var element = builder.stack.popLast() else { return }
                if let open = builder.open, open.depth == builder.stack.count {
                    builder.marks.append((open.start, pm_byte_offset(ctx)))
                    builder.open = nil
                }
                // Whitespace between child elements is layout, not content: these protocols have no mixed content.
                if !element.children.isEmpty, !element.text.isEmpty,
                   element.text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                    element.text = ""
                }
                if builder.stack.isEmpty {
                    builder.root = element
                } else {
                    builder.stack[builder.stack.count - 1].children.append(element)
                }
            }
        }
        let characters: charactersSAXFunc = { ctx, chars, length in
            TreeBuilder.with(ctx) { builder in
                guard builder.failure == nil, !builder.stack.isEmpty, let chars else { return }
                let text = String(decoding: UnsafeBufferPointer(start: chars, count: Int(length)), as: UTF8.self)
                let last = builder.stack.count - 1
                if builder.stack[last].text.isEmpty {
                    builder.stack[last].text = text
                } else {
                    builder.stack[last].text += text
                }
            }
        }
        sax.characters = characters
        sax.cdataBlock = characters
        return sax
    }
}

/// Strings of interned C strings, by pointer: a linear search over at most ``capacity`` entries, then plain conversion.
private struct InternedStrings {
    static let capacity = 32
    private var pointers: [UnsafeRawPointer] = []
    private var values: [String] = []

    mutating func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        let key = UnsafeRawPointer(pointer)
        if let index = pointers.firstIndex(of: key) { return values[index] }
        let value = String(cString: pointer)
        if pointers.count < Self.capacity {
            pointers.append(key)
            values.append(value)
        }
        return value
    }
}

extension String {
    /// With entity substitution off, libxml2 hands `&` inside attribute values over as `&#38;`.
    fileprivate func replacingCharacterReference38() -> String {
        guard utf8.contains(0x26) else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: "&#38;") {
            result += rest[..<range.lowerBound]
            result += "&"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
