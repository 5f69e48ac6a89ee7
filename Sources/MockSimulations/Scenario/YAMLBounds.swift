internal import CYaml

/// Bounds a YAML text before anything is built from it: nodes counted with every alias expanded, nesting depth, and
/// anchors. Read from libyaml's events (the library Yams parses with), in one pass that is linear in the text.
///
/// Why: Yams resolves an alias to its anchor's node, so "nine levels of ten aliases" (380 bytes) is a billion nodes to
/// any walk of the tree, and an alias used as a mapping key is hashed whole while the tree is being composed. Three such
/// texts sent to `PUT /__admin/scenario` froze every port for more than ten minutes. A scenario is refused here, with
/// the line, before Yams composes it.
@_spi(MockInternals) public struct YAMLBounds: Sendable, Hashable {
    /// Nodes, each alias counted as the nodes it stands for: far above any scenario (the 4 MiB the admin API takes of
    /// members and consents is under 500 000), far below what takes a noticeable time to build.
    @_spi(MockInternals) public var maxNodes = 1_000_000
    /// Nesting of sequences and mappings: a scenario nests about eight deep.
    package var maxDepth = 64
    /// Anchors defined.
    package var maxAnchors = 10_000

    @_spi(MockInternals) public init() {}

    /// Why a text is refused: what went over, and the line (1-based) where it did.
    @_spi(MockInternals) public struct Exceeded: Error, Sendable, Equatable {
        @_spi(MockInternals) public var line: Int
        @_spi(MockInternals) public var message: String
    }

    /// Checks `text`; a syntax error is left for Yams to report with its own words.
    @_spi(MockInternals) public func check(_ text: String) throws(Exceeded) {
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBufferPointer { buffer throws(Exceeded) in try check(buffer) }
    }

    private struct Frame {
        var anchor: String?
        var nodes = 1
    }

    private func check(_ buffer: UnsafeMutableBufferPointer<UInt8>) throws(Exceeded) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var anchors: [String: Int] = [:]
        var stack: [Frame] = []
        var total = 0
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            var finished: (anchor: String?, nodes: Int)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_SCALAR_EVENT:
                finished = (Self.string(event.data.scalar.anchor), 1)
            case YAML_ALIAS_EVENT:
                finished = (nil, Self.string(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < maxDepth else { throw Exceeded(line: line, message: "nests deeper than \(maxDepth) levels") }
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                stack.append(Frame(anchor: Self.string(anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                finished = (frame.anchor, frame.nodes)
            default:
                break
            }
            guard let (anchor, nodes) = finished else { continue }
            if let anchor {
                guard anchors.count < maxAnchors || anchors[anchor] != nil else {
                    throw Exceeded(line: line, message: "defines more than \(maxAnchors) anchors")
                }
                anchors[anchor] = nodes
            }
            // Sizes are capped at maxNodes + 1, so no sum overflows.
            if stack.isEmpty {
                total = min(total + nodes, maxNodes + 1)
            } else {
                stack[stack.count - 1].nodes = min(stack[stack.count - 1].nodes + nodes, maxNodes + 1)
            }
            if total > maxNodes || (stack.last?.nodes ?? 0) > maxNodes {
                throw Exceeded(line: line, message: "stands for more than \(maxNodes) nodes once its aliases are expanded")
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
