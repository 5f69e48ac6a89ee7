#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a port is free to listen on, asked before the servers start, so that `serve` can say which mock cannot
/// listen where (the server's own error names neither the port nor the mock).
enum PortCheck {
    /// False when something already listens on `port` of the IPv4 `host` (port 0, or a host this cannot read, passes).
    static func isFree(host: String, port: Int) -> Bool {
        guard port > 0, port < 65_536, let address = inet(host) else { return true }
        #if os(Linux)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
        socketAddress.sin_addr = address
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return bound == 0 || errno != EADDRINUSE
    }

    private static func inet(_ host: String) -> in_addr? {
        var address = in_addr()
        let name = host == "localhost" ? "127.0.0.1" : host
        return inet_pton(AF_INET, name, &address) == 1 ? address : nil
    }
}
