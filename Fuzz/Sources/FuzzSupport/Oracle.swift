import Foundation
import HTTPTypes
import LibXML

/// What every reply must be, whatever the request: never a 5xx (a crash or hang is caught by libFuzzer itself), and
/// always a body in the protocol's own shape. A broken rule stops the fuzzer with the input that broke it.
public enum Oracle {
    /// No 500: bad input gets a typed error of the protocol (503 is SMS99, maintenance, which a scenario may set).
    public static func expectNoServerError(_ reply: InProcessRouter.Reply, _ what: @autoclosure () -> String) {
        if reply.status >= 500, reply.status != 503 {
            fail("\(what()) answered HTTP \(reply.status): \(String(decoding: reply.body.prefix(500), as: UTF8.self))")
        }
    }

    /// SOAP's rule: a provider error is HTTP 200 with `<err>`; a message that is not usable SOAP is a Fault with HTTP 500
    /// (SOAP 1.1, 6.2) whose `faultcode` blames the client (or 413 for a body too large). A `Server` fault, or a 500
    /// without a Fault, is the mock's own failure.
    public static func expectOnlyClientFaults(_ reply: InProcessRouter.Reply, _ what: @autoclosure () -> String) {
        guard reply.status >= 500, reply.status != 503 else { return }
        let envelope = "http://schemas.xmlsoap.org/soap/envelope/"
        let code = (try? XMLDocumentParser.parse(reply.body))?
            .child("Body", namespaceURI: envelope)?.child("Fault", namespaceURI: envelope)?.child("faultcode")?.text
        guard let code, !code.hasSuffix("Server") else {
            fail("\(what()) answered HTTP \(reply.status) without a client Fault: \(String(decoding: reply.body.prefix(500), as: UTF8.self))")
        }
    }

    /// A JSON object, or an array where the protocol answers a list (or an empty body, for 204).
    public static func expectJSON(_ reply: InProcessRouter.Reply, arrays: Bool = false, _ what: @autoclosure () -> String) {
        guard !reply.body.isEmpty else { return }
        let value = try? JSONSerialization.jsonObject(with: Data(reply.body))
        guard value is [String: Any] || (arrays && value is [Any]) else {
            fail("\(what()) answered HTTP \(reply.status) with a body that is not a JSON \(arrays ? "object or array" : "object"): \(String(decoding: reply.body.prefix(500), as: UTF8.self))")
        }
    }

    /// Well-formed XML that our own parser reads (what a SOAP client will parse).
    public static func expectXML(_ reply: InProcessRouter.Reply, _ what: @autoclosure () -> String) {
        do {
            _ = try XMLDocumentParser.parse(reply.body)
        } catch {
            fail("\(what()) answered HTTP \(reply.status) with XML our parser refuses (\(error)): \(String(decoding: reply.body.prefix(500), as: UTF8.self))")
        }
    }

    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("ORACLE: \(message)\n".utf8))
        abort()
    }
}

/// A fuzz input read as a request: a first line `METHOD target` (or only a target, which is POSTed), then the body.
public struct RequestInput: Sendable {
    public var method: HTTPRequest.Method
    /// The request target as an HTTP parser lets it reach a router (``requestTarget(_:)``).
    public var target: String
    public var body: [UInt8]

    public init(_ bytes: UnsafeRawBufferPointer) {
        let newline = bytes.firstIndex(of: 0x0A)
        let line = String(decoding: bytes[..<(newline ?? bytes.count)], as: UTF8.self)
        body = newline.map { Array(bytes[($0 + 1)...]) } ?? []
        let words = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        if words.count == 2, let method = HTTPRequest.Method(String(words[0])) {
            self.method = method
            target = requestTarget(String(words[1]))
        } else {
            method = .post
            target = requestTarget(line)
        }
    }

    public var description: String { "\(method) \(target)" }
}

/// Base64 of a string's UTF-8, for Basic credentials.
public enum Base64 {
    public static func encode(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}
