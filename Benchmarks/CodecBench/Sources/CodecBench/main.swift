import Foundation
import LibXML
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP
import XMLCoder

// The document's N-to-N sendSms envelope and its JSON twin, decoded and encoded by each contender.

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let soap = Array(try Data(contentsOf: repository.appendingPathComponent("Tests/NodeAPISOAPTests/Golden/document/sendSms-NtoN.request.xml")))
let request = try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: soap).request
let json = try NodeAPIJSON.encodeRequest(request)
let credentials = Credentials(username: "admin", password: "123456")
let parsedMessage = try SOAPMessage(parsing: soap)
let created = NodeAPIReply<PackageCreated>.success(PackageCreated(pkgID: 9_214_027_459_000))

let xmlDecoder: XMLDecoder = {
    let decoder = XMLDecoder()
    decoder.shouldProcessNamespaces = true
    return decoder
}()
let xmlEncoder = XMLEncoder()
let mirror = try xmlDecoder.decode(MirrorEnvelope.self, from: Data(soap))
let mirrorJSON = try JSONDecoder().decode(MirrorSendSmsJSON.self, from: Data(json))
precondition(mirror.Body.sendSms.numbers.item.count == 2 && mirrorJSON.numbers.count == 2, "mirrors must decode the same message")

if let only = ProcessInfo.processInfo.environment["PROFILE"] {
    // A fixed loop for valgrind --tool=callgrind or perf: PROFILE=soap, decode (from a parsed envelope), json, parse
    // or bare; PROFILE_CALLS calls (default 300; raise it so that the one-time conformance lookups stop dominating).
    var sink = 0
    let calls = ProcessInfo.processInfo.environment["PROFILE_CALLS"].flatMap { Int($0) } ?? 300
    for _ in 0..<calls {
        if only == "soap" { sink &+= try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: soap, validating: false).request.title.utf8.count }
        if only == "decode" { sink &+= try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: parsedMessage, validating: false).request.title.utf8.count }
        if only == "bare" { sink &+= XMLBaseline.parseAndFree(soap) ? 1 : 0 }
        if only == "parse" { sink &+= try XMLDocumentParser.parse(soap).children.count }
        if only == "reply" { sink &+= try NodeAPISOAP.encodeReply(created, operation: .createSms).count }
        if only == "json" { sink &+= try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: json, validating: false).title.utf8.count }
    }
    print(sink)
    exit(0)
}

/// A contender: a name, calls per batch, and one call returning something to keep it from being optimised away.
struct Contender {
    let name: String
    let iterations: Int
    let call: () throws -> Int
}

/// Median microseconds per call. The contenders' batches are interleaved round by round, so that a
/// slow spell of the machine falls on all of them rather than on one.
func measure(_ section: String, _ contenders: [Contender], rounds: Int = 31) throws -> [Double] {
    var sink = 0
    var samples = Array(repeating: [Double](), count: contenders.count)
    let clock = ContinuousClock()
    for contender in contenders { for _ in 0..<max(1, contender.iterations / 10) { sink &+= try contender.call() } }
    for _ in 0..<rounds {
        for (index, contender) in contenders.enumerated() {
            let start = clock.now
            for _ in 0..<contender.iterations { sink &+= try contender.call() }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            samples[index].append(seconds * 1e6 / Double(contender.iterations))
        }
    }
    print(section)
    return contenders.indices.map { index in
        let sorted = samples[index].sorted()
        let median = sorted[sorted.count / 2]
        print(String(format: "  %-44@ %9.2f µs  (p10 %.2f, p90 %.2f)", contenders[index].name as NSString, median,
                     sorted[sorted.count / 10], sorted[sorted.count * 9 / 10]), sink == 42 ? "" : "")
        return median
    }
}

print("Codec benchmark: the document's N-to-N sendSms (\(soap.count) bytes of SOAP, \(json.count) bytes of JSON); median per call")
let soapTimes = try measure("SOAP", [
    Contender(name: "libxml2 parse + free (floor)", iterations: 1_000) { XMLBaseline.parseAndFree(soap) ? 1 : 0 },
    Contender(name: "LibXML parse to XMLElement tree", iterations: 1_000) { try XMLDocumentParser.parse(soap).children.count },
    Contender(name: "NodeAPISOAP.decodeRequest", iterations: 1_000) { try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: soap, validating: false).request.title.utf8.count },
    Contender(name: "NodeAPISOAP.decodeRequest + validate", iterations: 1_000) { try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: soap).request.title.utf8.count },
    Contender(name: "XMLCoder decode (synthesized mirror)", iterations: 100) { try xmlDecoder.decode(MirrorEnvelope.self, from: Data(soap)).Body.sendSms.title.utf8.count },
    Contender(name: "NodeAPISOAP.encodeRequest", iterations: 1_000) { try NodeAPISOAP.encodeRequest(request, credentials: credentials).count },
    Contender(name: "XMLCoder encode (synthesized mirror)", iterations: 100) { try xmlEncoder.encode(mirror, withRootKey: "Envelope").count },
    Contender(name: "NodeAPISOAP.encodeReply (sendSms's pkgID)", iterations: 1_000) { try NodeAPISOAP.encodeReply(created, operation: .createSms).count },
])
let (bare, tree, soapDecode, soapDecodeValidating, coderDecode, soapEncode, coderEncode) = (soapTimes[0], soapTimes[1], soapTimes[2], soapTimes[3], soapTimes[4], soapTimes[5], soapTimes[6])
let jsonTimes = try measure("JSON", [
    Contender(name: "NodeAPIJSON.decodeRequest", iterations: 1_000) { try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: json, validating: false).title.utf8.count },
    Contender(name: "JSONDecoder, synthesized Codable", iterations: 1_000) { try JSONDecoder().decode(MirrorSendSmsJSON.self, from: Data(json)).title.utf8.count },
    Contender(name: "NodeAPIJSON.encodeRequest", iterations: 1_000) { try NodeAPIJSON.encodeRequest(request).count },
    Contender(name: "JSONEncoder, synthesized Codable", iterations: 1_000) { try JSONEncoder().encode(mirrorJSON).count },
])
let (jsonDecode, synthesizedDecode, jsonEncode, synthesizedEncode) = (jsonTimes[0], jsonTimes[1], jsonTimes[2], jsonTimes[3])

func verdict(_ ok: Bool) -> String { ok ? "meets goal" : "MISSES goal" }
print("Ratios")
print(String(format: "  SOAP decode / bare libxml2 parse      %5.2fx  (goal ≤ 2)   %@", soapDecode / bare, verdict(soapDecode / bare <= 2) as NSString))
print(String(format: "  LibXML tree / bare libxml2 parse       %5.2fx", tree / bare))
print(String(format: "  XMLCoder decode / SOAP decode         %5.2fx  (goal ≥ 5)   %@", coderDecode / soapDecode, verdict(coderDecode / soapDecode >= 5) as NSString))
print(String(format: "  XMLCoder encode / SOAP encode         %5.2fx", coderEncode / soapEncode))
print(String(format: "  JSON decode / synthesized Codable     %5.2fx  (goal ≤ 1)   %@", jsonDecode / synthesizedDecode, verdict(jsonDecode / synthesizedDecode <= 1) as NSString))
print(String(format: "  JSON encode / synthesized Codable     %5.2fx", jsonEncode / synthesizedEncode))
print(String(format: "  SOAP decode with validation / without %5.2fx", soapDecodeValidating / soapDecode))
