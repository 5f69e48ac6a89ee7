#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A plain TCP connection to a loopback port, for what an HTTP client library will not do: send half a request, hold
/// a connection open without a byte, read what the server writes before it closes. Reads block a thread of their own,
/// never one of Swift Concurrency's few, which the servers under test need. Not `DispatchQueue.global()` either: on
/// Linux that queue's threads are the ones Swift Concurrency's global executor runs on, so a few reads blocked there
/// starve the very server they wait for until they time out.
final class RawConnection: @unchecked Sendable {
    struct Failure: Error { var call: String }

    private let descriptor: Int32

    init(port: Int) throws {
        #if os(Linux)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(call: "connect")
        }
    }

    deinit { close(descriptor) }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// How the server ended the connection: what it wrote, and whether it reset the connection (RST) or closed it.
    struct Ending: Sendable, Equatable {
        var text: String
        var reset: Bool
    }

    /// Everything the server writes until it closes the connection, or nil if it has not closed it within `seconds`.
    func readUntilClosed(within seconds: Int) async -> String? {
        await read(within: seconds) { _ in false }
    }

    /// What the server wrote until it closed or reset the connection; nil if it did neither within `seconds`.
    func ending(within seconds: Int) async -> Ending? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.blockingRead(within: seconds) { _ in false }) }
        }
    }

    /// What the server wrote once `done` holds for it, or at its close; nil if neither happens within `seconds`.
    func read(within seconds: Int, until done: @escaping @Sendable (String) -> Bool) async -> String? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.blockingRead(within: seconds, until: done)?.text) }
        }
    }

    private func blockingRead(within seconds: Int, until done: (String) -> Bool) -> Ending? {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return Ending(text: String(decoding: received, as: UTF8.self), reset: false) }
            if count < 0 { return errno == ECONNRESET ? Ending(text: String(decoding: received, as: UTF8.self), reset: true) : nil }
            received += buffer[0..<count]
            if done(String(decoding: received, as: UTF8.self)) { return Ending(text: String(decoding: received, as: UTF8.self), reset: false) }
        }
    }
}
