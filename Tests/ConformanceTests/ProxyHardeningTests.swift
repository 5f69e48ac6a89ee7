import Conformance
import Foundation
import Synchronization
import Hummingbird
import HummingbirdTesting
import NIOCore
import ProviderClients
import ProviderMockTesting
import Testing

/// Issue 23, items 4 and 8: the proxy's recorder, timeout, redirects and WSDL rewrite against a hostile directory, a
/// slow or redirecting upstream, and a hostile Host header.
@Suite struct ProxyHardeningTests {
    let proxyTests = NodeAPIProxyTests()

    /// A recording directory with a file numbered `Int.max`: passed over, and the next exchange is recorded.
    @Test func aHugeRecordingNumberIsPassedOver() async throws {
        let directory = NodeAPIProxyTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("9223372036854775807-x.json"))
        try await ProviderMockHarness.withMocks { running in
            try await proxyTests.withProxy(to: running.nodeAPI.absoluteString, recordingTo: directory) { proxy in
                let reply = try await proxyTests.post(proxy + "/user/credit", "{}")
                #expect(reply.status == 200)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).contains("0001-user-credit.json"))
    }

    /// An upstream that sends its head at once and its body a byte a second: the proxy's 5-second timeout covers the
    /// body too, and the client gets the protocol's error within it.
    @Test func aTrickledBodyIsCutAtTheTimeout() async throws {
        let router = Router()
        router.post("/user/credit") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                for _ in 0..<120 {
                    try await writer.write(ByteBuffer(string: " "))
                    try await Task.sleep(for: .seconds(1))
                }
                try await writer.finish(nil)
            })
        }
        try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { upstream in
            let port = try #require(upstream.port)
            try await proxyTests.withProxy(to: "http://127.0.0.1:\(port)") { proxy in
                let start = ContinuousClock.now
                let reply = try await proxyTests.post(proxy + "/user/credit", "{}")
                #expect(ContinuousClock.now - start < .seconds(20))
                #expect(reply.status >= 500, "\(reply.status) \(reply.body)")
            }
        }
    }

    /// An upstream that redirects elsewhere: the redirect comes back to the client; the proxy does not follow it with
    /// the client's credentials.
    @Test func anUpstreamRedirectIsPassedBackNotFollowed() async throws {
        let followed = ManagedAtomicFlag()
        let target = Router()
        target.post("/steal") { _, _ -> HTTPResponse.Status in
            followed.set()
            return .ok
        }
        try await Application(router: target, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { elsewhere in
            let elsewherePort = try #require(elsewhere.port)
            let router = Router()
            router.post("/user/credit") { _, _ in
                Response(status: .temporaryRedirect, headers: [.location: "http://127.0.0.1:\(elsewherePort)/steal"])
            }
            try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { upstream in
                let port = try #require(upstream.port)
                try await proxyTests.withProxy(to: "http://127.0.0.1:\(port)") { proxy in
                    let reply = try await proxyTests.post(proxy + "/user/credit", "{}")
                    #expect(reply.status == 307)
                }
            }
        }
        #expect(!followed.isSet)
    }

    /// A Host header with markup in it is escaped in the WSDL's `soap:address`, never written raw.
    @Test func theWSDLRewriteEscapesTheHost() async throws {
        try await ProviderMockHarness.withMocks { running in
            try await proxyTests.withProxy(to: running.nodeAPI.absoluteString) { proxy in
                let port = try #require(URL(string: proxy)?.port)
                let (reply, _) = try await ProviderHTTP(timeout: .seconds(10)).exchange(.GET, "http://127.0.0.1:\(port)/soap?wsdl", headers: [("Host", #"a"<b>'c"#)])
                let wsdl = String(decoding: reply.body, as: UTF8.self)
                #expect(reply.status == 200)
                #expect(!wsdl.contains(#"a"<b>'c"#))
                #expect(wsdl.contains("a&quot;&lt;b&gt;&apos;c"), "\(wsdl.prefix(2000))")
            }
        }
    }
}

/// A flag set from a route, read by the test.
final class ManagedAtomicFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
