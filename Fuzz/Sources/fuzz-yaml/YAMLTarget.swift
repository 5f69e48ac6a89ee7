import FuzzSupport
@_spi(MockInternals) import MockProviders
@_spi(MockInternals) import MockSimulations
import Yams

/// The YAML bound: the input is a YAML text. What the bound lets through, Yams composes into no more nodes than the
/// bound counted (aliases expanded), within the time limit; what it refuses, the scenario loader refuses too. Item 2 of
/// issue 23: nine levels of ten aliases (380 bytes) froze every port.
private let bounds: YAMLBounds = {
    var bounds = YAMLBounds()
    // Small, so that a walk of what Yams built stays cheap per input.
    bounds.maxNodes = 20_000
    return bounds
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        try bounds.check(text)
    } catch {
        return 0
    }
    guard let node = try? Yams.compose(yaml: text) else { return 0 }
    var count = 0
    if !walk(node, count: &count, limit: bounds.maxNodes) {
        Oracle.fail("the bound let through a text that Yams composes into more than \(bounds.maxNodes) nodes: \(text.debugDescription)")
    }
    // The loader (with its own, larger bound) parses what passed; a refusal here is a scenario error, not a finding.
    _ = try? Scenario.parse(text, file: "fuzz.yaml")
    return 0
}

/// Counts nodes as a walk of the tree meets them (an alias's target each time); false past `limit`.
private func walk(_ node: Node, count: inout Int, limit: Int) -> Bool {
    count += 1
    guard count <= limit else { return false }
    switch node {
    case .scalar, .alias: return true
    case .sequence(let sequence): return sequence.allSatisfy { walk($0, count: &count, limit: limit) }
    case .mapping(let mapping): return mapping.allSatisfy { walk($0.key, count: &count, limit: limit) && walk($0.value, count: &count, limit: limit) }
    }
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with this target.
@_cdecl("fuzz_yaml_main")
public func fuzzYAMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzYAML)
}
