internal import CLibXML2

/// Parses untrusted bytes into an ``XMLElement`` tree with libxml2, safely.
///
/// Safety by construction, not by configuration of a general parser:
/// - network access is off and the external entity loader returns nothing, for the whole process;
/// - any `<!DOCTYPE …>` stops the parse before its internal subset is read, so no entity is ever
///   declared, expanded or fetched (XXE, billion laughs); SOAP 1.1 forbids DTDs anyway;
/// - the input size and the element depth are bounded by ``XMLParseLimits``;
/// - the tree is built from SAX2 events straight into Swift values: no libxml2 object escapes.
public enum XMLDocumentParser {
    private static let setUp: Void = {
        xmlInitParser()
        pm_install_null_entity_loader()
    }()

    /// Parses a whole document and returns its root element.
    public static func parse(
        _ bytes: some Sequence<UInt8>,
        limits: XMLParseLimits = .default
    ) throws(XMLParseError) -> XMLElement {
        let result: Result<XMLElement, XMLParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            parse(UnsafeRawBufferPointer(buffer), limits: limits)
        }
        if let result { return try result.get() }
        return try Array(bytes).withUnsafeBytes { parse($0, limits: limits) }.get()
    }

    private static func parse(_ buffer: UnsafeRawBufferPointer, limits: XMLParseLimits) -> Result<XMLElement, XMLParseError> {
        _ = setUp
        guard buffer.count <= limits.maxBytes, buffer.count < Int(Int32.max) else {
            return .failure(.documentTooLarge(bytes: buffer.count, limit: limits.maxBytes))
        }
        guard let base = buffer.baseAddress, buffer.count > 0 else { return .failure(.empty) }
        let builder = TreeBuilder(maxDepth: limits.maxDepth)
        var handler = TreeBuilder.handler()
        var error = pm_parse_error()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let status = withExtendedLifetime(builder) {
            pm_sax_parse(
                base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), &handler,
                Unmanaged.passUnretained(builder).toOpaque(), options, &error
            )
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
        return .success(root)
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isNewline || last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

/// Collects SAX2 events into ``XMLElement`` values. Lives for one parse, on one thread.
private final class TreeBuilder {
    struct Frame {
        var element: XMLElement
        var text: [UInt8] = []
    }

    let maxDepth: Int
    var stack: [Frame] = []
    var root: XMLElement?
    var failure: XMLParseError?
    /// libxml2 interns names in a dictionary, so one pointer is one name for the whole parse.
    var names: [UnsafeRawPointer: String] = [:]

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    func name(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        let key = UnsafeRawPointer(pointer)
        if let known = names[key] { return known }
        let value = String(cString: pointer)
        names[key] = value
        return value
    }

    func fail(_ error: XMLParseError, _ ctx: UnsafeMutableRawPointer?) {
        if failure == nil { failure = error }
        pm_stop_parser(ctx)
    }

    static func from(_ ctx: UnsafeMutableRawPointer?) -> TreeBuilder? {
        guard let raw = pm_builder(ctx) else { return nil }
        return Unmanaged<TreeBuilder>.fromOpaque(raw).takeUnretainedValue()
    }

    static func handler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.internalSubset = { ctx, _, _, _ in
            TreeBuilder.from(ctx)?.fail(.doctypeNotAllowed, ctx)
        }
        sax.externalSubset = { ctx, _, _, _ in
            TreeBuilder.from(ctx)?.fail(.doctypeNotAllowed, ctx)
        }
        sax.reference = { ctx, name in
            let text = name.map { String(cString: $0) } ?? "?"
            TreeBuilder.from(ctx)?.fail(.entityNotAllowed(name: text), ctx)
        }
        sax.startElementNs = { ctx, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let builder = TreeBuilder.from(ctx), builder.failure == nil else { return }
            guard builder.stack.count < builder.maxDepth else {
                builder.fail(.tooDeep(limit: builder.maxDepth), ctx)
                return
            }
            var element = XMLElement(builder.name(localName) ?? "", namespaceURI: builder.name(uri))
            if attributeCount > 0, let attributes {
                element.attributes.reserveCapacity(Int(attributeCount))
                for index in 0..<Int(attributeCount) {
                    let base = index * 5
                    guard let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                    let bytes = UnsafeBufferPointer(start: start, count: end - start)
                    let value = String(decoding: bytes, as: UTF8.self).replacingCharacterReference38()
                    element.attributes.append(XMLAttribute(
                        builder.name(attributes[base]) ?? "", namespaceURI: builder.name(attributes[base + 2]), value: value
                    ))
                }
            }
            builder.stack.append(Frame(element: element))
        }
        sax.endElementNs = { ctx, _, _, _ in
            guard let builder = TreeBuilder.from(ctx), builder.failure == nil, var frame = builder.stack.popLast() else { return }
            // Whitespace between child elements is layout, not content: these protocols have no mixed content.
            let isLayout = !frame.element.children.isEmpty && frame.text.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            if !frame.text.isEmpty, !isLayout { frame.element.text = String(decoding: frame.text, as: UTF8.self) }
            if builder.stack.isEmpty {
                builder.root = frame.element
            } else {
                builder.stack[builder.stack.count - 1].element.children.append(frame.element)
            }
        }
        let characters: charactersSAXFunc = { ctx, chars, length in
            guard let builder = TreeBuilder.from(ctx), builder.failure == nil, !builder.stack.isEmpty, let chars else { return }
            builder.stack[builder.stack.count - 1].text.append(contentsOf: UnsafeBufferPointer(start: chars, count: Int(length)))
        }
        sax.characters = characters
        sax.cdataBlock = characters
        return sax
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
