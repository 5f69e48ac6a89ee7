import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
@testable import MockProviders
@testable import MockSimulations
import ProviderMockTesting
import Synchronization
import Testing

/// Issue 11, finding 7: half-sent heads and idle connections are closed, a connection beyond the limit is refused in
/// its provider's shape, and a body too large is refused from its declared length before a byte of it is read.
@Suite struct ConnectionLimitsTests {
    /// The three mocks as `serve` runs them (the harness), on ports the OS picks, until `body` returns.
    static func serving(
        _ limits: ConnectionLimits, mocks configure: (ProviderMocks) throws -> Void = { _ in },
        _ body: @escaping @Sendable ([ProviderMocks.Provider: Int]) async throws -> Void
    ) async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        try configure(mocks)
        try await ProviderMockHarness.withMocks(mocks, limits: limits) { running in
            let port = { (url: URL) in url.port ?? 0 }
            try await body([.nodeAPI: port(running.nodeAPI), .iys: port(running.iys), .euromsg: port(running.euromsg)])
        }
    }

    static let request = "GET /mock/health HTTP/1.1\r\nHost: localhost\r\n\r\n"

    @Test func aHalfSentHeadAndASilentConnectionAreClosed() async throws {
        try await Self.serving(ConnectionLimits(headerTimeout: .milliseconds(300))) { ports in
            let port = try #require(ports[.nodeAPI])
            let half = try RawConnection(port: port)
            half.write("POST /user/credit HTTP/1.1\r\nHost: localhost\r\nAuthori")
            let silent = try RawConnection(port: port)
            #expect(await half.readUntilClosed(within: 10) == "")
            #expect(await silent.readUntilClosed(within: 10) == "")
            // A keep-alive connection left idle after its reply goes the same way; the reply itself arrived whole.
            let idle = try RawConnection(port: port)
            idle.write(Self.request)
            let reply = try #require(await idle.readUntilClosed(within: 10))
            #expect(reply.hasPrefix("HTTP/1.1 200 OK"))
            #expect(reply.lowercased().contains("content-length: 0"))
        }
    }

    @Test func aConnectionBeyondTheLimitIsRefusedInEachProvidersShape() async throws {
        try await Self.serving(ConnectionLimits(maxConnections: 2)) { ports in
            let expected: [(ProviderMocks.Provider, String, String)] = [
                (.nodeAPI, "HTTP/1.1 429", "ERR_CONCURRENT_REQUEST_LIMIT"), (.iys, "HTTP/1.1 503", "HM400"), (.euromsg, "HTTP/1.1 503", "SERVICE_UNAVAILABLE"),
            ]
            for (provider, status, code) in expected {
                let port = try #require(ports[provider])
                // Two connections the server has surely counted: each has had a reply, and stays open.
                var held = [try RawConnection(port: port), try RawConnection(port: port)]
                for connection in held {
                    connection.write(Self.request)
                    #expect(await connection.read(within: 10) { $0.contains("\r\n\r\n") }?.hasPrefix("HTTP/1.1 ") == true)
                }
                let third = try RawConnection(port: port)
                third.write(Self.request)
                let refusal = try #require(await third.readUntilClosed(within: 10))
                #expect(refusal.hasPrefix(status), "\(provider): \(refusal)")
                #expect(refusal.contains(code), "\(provider): \(refusal)")
                #expect(refusal.contains("at most 2 connections at once"))
                // Once the held connections close, the server serves again.
                held.removeAll()
                try await ConnectionLimitsTests.eventually {
                    let next = try RawConnection(port: port)
                    next.write("GET /mock/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    return await next.readUntilClosed(within: 10)?.contains(code) == false
                }
            }
        }
    }

    @Test func aDeclaredBodyOverTheLimitIsRefusedBeforeItIsSent() async throws {
        try await Self.serving(ConnectionLimits()) { ports in
            let connection = try RawConnection(port: try #require(ports[.nodeAPI]))
            // 100 MB declared, none sent: the refusal comes at once.
            connection.write("POST /sms/create HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000000\r\nContent-Type: application/json\r\n\r\n")
            let reply = try #require(await connection.read(within: 10) { $0.contains("}}") })
            #expect(reply.hasPrefix("HTTP/1.1 413"))
            #expect(reply.contains("ERR_BAD_REQUEST"))
        }
    }

    /// curl, and so PHP's clients, send `Expect: 100-continue` with a body over 1 MB and wait up to a second for
    /// `100 Continue` before they send it; the mock answers at once, as the provider's Node.js server does.
    @Test func aClientExpectingContinueGetsItBeforeItSendsTheBody() async throws {
        try await Self.serving(ConnectionLimits()) { ports in
            for provider in [ProviderMocks.Provider.nodeAPI, .iys, .euromsg] {
                let connection = try RawConnection(port: try #require(ports[provider]))
                let body = #"{"a":"ğüşıöçİ"}"#
                // Node API: the mock's echo; the others have no such route, and answer 404 in their shape, after the body.
                connection.write(
                    "POST /mock/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nExpect: 100-Continue\r\n"
                        + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
                )
                let interim = try #require(await connection.read(within: 10) { $0.contains("\r\n\r\n") }, "\(provider)")
                #expect(interim.hasPrefix("HTTP/1.1 100 Continue\r\n\r\n"), "\(provider): \(interim)")
                connection.write(body)
                // A mock without the route answers 404 from the head alone: that reply may come in the same read as the 100.
                let rest = try #require(await connection.readUntilClosed(within: 10), "\(provider)")
                let reply = String((interim + rest).dropFirst("HTTP/1.1 100 Continue\r\n\r\n".count))
                #expect(reply.hasPrefix(provider == .nodeAPI ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404"), "\(provider): \(reply)")
                if provider == .nodeAPI { #expect(reply.hasSuffix("\r\n\r\n" + body)) }
            }
        }
    }

    /// Issue 23, item 10: a body has a deadline from its head, however it trickles; the idle timeout alone counts from
    /// each part, so a byte every 59 seconds held a connection for days.
    @Test func aTrickledBodyIsCutAtItsDeadline() async throws {
        try await Self.serving(ConnectionLimits(idleTimeout: .seconds(60), bodyTimeout: .milliseconds(300))) { ports in
            for provider in [ProviderMocks.Provider.nodeAPI, .iys, .euromsg] {
                let connection = try RawConnection(port: try #require(ports[provider]))
                connection.write("POST /sms/create HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                #expect(await connection.readUntilClosed(within: 10) != nil, "\(provider): still open past the body's deadline")
            }
            // A request whose body is whole in time is answered, and its connection kept past the deadline.
            let whole = try RawConnection(port: try #require(ports[.nodeAPI]))
            whole.write(Self.request)
            #expect(await whole.read(within: 10) { $0.contains("\r\n\r\n") }?.hasPrefix("HTTP/1.1 200") == true)
        }
    }

    /// Issue 23, item 13: a chunked body (no Content-Length) that grows past the limit is a 413 in the provider's shape,
    /// as a declared one is, not a 400 naming NIO's error.
    @Test func aChunkedBodyOverTheLimitIs413() async throws {
        let router = Router(context: MockRequestContext.self)
        NodeAPIRoutes(simulation: NodeAPISimulation(accounts: [ScenarioFixtures.admin], clock: ManualClock()), maxBodyBytes: 64).register(on: router)
        try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            let chunk = String(repeating: "ş", count: 100)
            connection.write(
                "POST /sms/create HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n0\r\n\r\n"
            )
            let reply = try #require(await connection.read(within: 10) { $0.contains("}}") || $0.contains("null}") })
            #expect(reply.hasPrefix("HTTP/1.1 413"), "\(reply)")
            #expect(reply.contains("larger than 64 bytes"), "\(reply)")
            #expect(!reply.contains("NIOTooManyBytesError"))
        }
    }

    @Test func serveRaisesTheSoftDescriptorLimitToTheHardOne() {
        let before = FileDescriptorLimit.current
        FileDescriptorLimit.raise()
        #expect(FileDescriptorLimit.current >= before)
    }

    /// Retries `attempt` until it succeeds (the server notices a closed connection a moment after the client closes it).
    static func eventually(_ attempt: () async throws -> Bool) async throws {
        for _ in 0..<200 {
            if try await attempt() { return }
            await Task.yield()
        }
        Issue.record("never succeeded")
    }
}
