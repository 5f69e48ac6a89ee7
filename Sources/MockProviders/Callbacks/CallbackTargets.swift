import Foundation
import MockSimulations
import NIOCore
import NIOPosix
import Synchronization

/// Where a callback may be sent: never to the mocks' own listeners (a tenant that names the admin port as its delivery
/// report URL would otherwise reset every mock for everyone), and, when the scenario has an allow-list, only to its hosts.
///
/// Two guards, so that neither a name that resolves to this machine, nor a redirect, nor DNS that answers differently
/// the second time reaches past: a URL is refused before it is sent when any address of its host is one this process
/// listens on with one of its ports; and every callback carries ``loopMarker`` (`X-Provider-Mock-Loop`), which every
/// mock router refuses (``CallbackLoopMiddleware``). The dispatcher follows no redirects.
package final class CallbackTargets: Sendable {
    /// The header that marks this process's callbacks, and its value: random per process, so that two mocks can still
    /// call each other.
    package static let loopHeader = "X-Provider-Mock-Loop"
    package let loopMarker: String
    private let state: Mutex<(ports: Set<Int>, rules: CallbackRules)>

    package init(rules: CallbackRules = CallbackRules()) {
        loopMarker = RandomToken.make(length: 24)
        state = Mutex(([], rules))
    }

    /// A port one of the mocks' servers listens on.
    package func listening(on port: Int) { state.withLock { _ = $0.ports.insert(port) } }

    /// The scenario's rules, from now on.
    package func replace(_ rules: CallbackRules) { state.withLock { $0.rules = rules } }

    /// Why `url` must not be sent to, or nil when it may be. Resolves the host off the cooperative threads.
    package func refusal(of url: String) async -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              var host = components.host?.lowercased(), !host.isEmpty
        else { return "only http and https URLs with a host receive callbacks" }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        let (ports, rules) = state.withLock { ($0.ports, $0.rules) }
        guard rules.allows(host) else { return "\(host) is not among the scenario's callbacks.allowedHosts" }
        guard ports.contains(port) else { return nil }
        let name = host
        let resolved = try? await NIOThreadPool.singleton.runIfActive { Self.addresses(of: name, port: port) }
        guard let resolved, !resolved.isEmpty else { return nil }
        let local = Self.localAddresses()
        if let own = resolved.first(where: { $0.isLoopbackOrUnspecified || local.contains($0.ipAddress ?? "") }) {
            return "\(host):\(port) is this mock's own listener (\(own.ipAddress ?? host)); callbacks never go to the mocks themselves"
        }
        return nil
    }

    /// Every address `host` resolves to (getaddrinfo: a name, an IPv4 or an IPv6 address).
    private static func addresses(of host: String, port: Int) -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var found: [SocketAddress] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry, found.count < 64 {
            if let address = current.pointee.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    found.append(address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { SocketAddress($0.pointee, host: host) })
                case AF_INET6:
                    found.append(address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { SocketAddress($0.pointee, host: host) })
                default:
                    break
                }
            }
            entry = current.pointee.ai_next
        }
        return found
    }

    /// The addresses of this machine's interfaces: a server bound to 0.0.0.0 answers on each.
    private static func localAddresses() -> Set<String> {
        Set(((try? System.enumerateDevices()) ?? []).compactMap { $0.address?.ipAddress })
    }
}

extension SocketAddress {
    /// 127.0.0.0/8, ::1, 0.0.0.0, ::, and IPv4 loopback mapped into IPv6.
    fileprivate var isLoopbackOrUnspecified: Bool {
        guard let ip = ipAddress?.lowercased() else { return false }
        return ip.hasPrefix("127.") || ip == "::1" || ip == "0.0.0.0" || ip == "::" || ip.hasPrefix("::ffff:127.") || ip == "::ffff:0.0.0.0"
    }
}
