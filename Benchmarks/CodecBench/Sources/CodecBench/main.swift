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

let xmlDecoder: XMLDecoder = {
    let decoder = XMLDecoder()
    decoder.shouldProcessNamespaces = true
    return decoder
}()
let xmlEncoder = XMLEncoder()
let mirror = try xmlDecoder.decode(MirrorEnvelope.self, from: Data(soap))
let mirrorJSON = try JSONDecoder().decode(MirrorSendSmsJSON.self, from: Data(json))
precondition(mirror.Body.sendSms.numbers.item.count == 2 && mirrorJSON.numbers.count == 2, "mirrors must decode the same message")

/// Median nanoseconds per call over `samples` batches of `iterations` calls.
func measure(_ name: String, iterations: Int = 2_000, samples: Int = 25, _ body: () throws -> Int) rethrows -> Double {
    var sink = 0
    for _ in 0..<(iterations / 10) { sink &+= try body() }
    var perCall: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<samples {
        let start = clock.now
        for _ in 0..<iterations { sink &+= try body() }
        let elapsed = clock.now - start
        perCall.append(Double(elapsed.components.seconds) * 1e9 / Double(iterations) + Double(elapsed.components.attoseconds) / 1e9 / Double(iterations))
    }
    perCall.sort()
    let median = perCall[perCall.count / 2]
    print(String(format: "  %-44@ %9.2f µs", name as NSString, median / 1000), sink == 42 ? "" : "")
    return median
}

print("Codec benchmark: the document's N-to-N sendSms (\(soap.count) bytes of SOAP, \(json.count) bytes of JSON); median per call")
print("SOAP")
let bare = measure("libxml2 parse + free (floor)") { XMLBaseline.parseAndFree(soap) ? 1 : 0 }
let soapDecode = try measure("NodeAPISOAP.decodeRequest") { try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: soap, validating: false).request.title.utf8.count }
let soapDecodeValidating = try measure("NodeAPISOAP.decodeRequest + validate") { try NodeAPISOAP.decodeRequest(CreateSmsRequest.self, from: soap).request.title.utf8.count }
let coderDecode = try measure("XMLCoder decode (synthesized mirror)", iterations: 200) { try xmlDecoder.decode(MirrorEnvelope.self, from: Data(soap)).Body.sendSms.title.utf8.count }
let soapEncode = try measure("NodeAPISOAP.encodeRequest") { try NodeAPISOAP.encodeRequest(request, credentials: credentials).count }
let coderEncode = try measure("XMLCoder encode (synthesized mirror)", iterations: 200) { try xmlEncoder.encode(mirror, withRootKey: "Envelope").count }
print("JSON")
let jsonDecode = try measure("NodeAPIJSON.decodeRequest") { try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: json, validating: false).title.utf8.count }
let synthesizedDecode = try measure("JSONDecoder, synthesized Codable") { try JSONDecoder().decode(MirrorSendSmsJSON.self, from: Data(json)).title.utf8.count }
let jsonEncode = try measure("NodeAPIJSON.encodeRequest") { try NodeAPIJSON.encodeRequest(request).count }
let synthesizedEncode = try measure("JSONEncoder, synthesized Codable") { try JSONEncoder().encode(mirrorJSON).count }

func verdict(_ ok: Bool) -> String { ok ? "meets goal" : "MISSES goal" }
print("Ratios")
print(String(format: "  SOAP decode / bare libxml2 parse      %5.2fx  (goal ≤ 2)   %@", soapDecode / bare, verdict(soapDecode / bare <= 2) as NSString))
print(String(format: "  XMLCoder decode / SOAP decode         %5.2fx  (goal ≥ 5)   %@", coderDecode / soapDecode, verdict(coderDecode / soapDecode >= 5) as NSString))
print(String(format: "  XMLCoder encode / SOAP encode         %5.2fx", coderEncode / soapEncode))
print(String(format: "  JSON decode / synthesized Codable     %5.2fx  (goal ≤ 1)   %@", jsonDecode / synthesizedDecode, verdict(jsonDecode / synthesizedDecode <= 1) as NSString))
print(String(format: "  JSON encode / synthesized Codable     %5.2fx", jsonEncode / synthesizedEncode))
print(String(format: "  SOAP decode with validation / without %5.2fx", soapDecodeValidating / soapDecode))
