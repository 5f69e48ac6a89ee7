#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open files. `serve` raises the soft limit to the hard one at start, so that the connection
/// limits (``ConnectionLimits``), not the default of 1024 descriptors, decide how many clients are served.
package enum FileDescriptorLimit {
    /// Raises the soft limit to the hard limit, at most `ceiling`, and says what it is now.
    @discardableResult
    package static func raise(to ceiling: UInt64 = 1_048_576) -> String {
        var limits = rlimit()
        guard getrlimit(resource, &limits) == 0 else { return "unknown" }
        let before = UInt64(limits.rlim_cur)
        let target = min(UInt64(limits.rlim_max), ceiling)
        guard target > before else { return "\(before)" }
        limits.rlim_cur = rlim_t(target)
        guard setrlimit(resource, &limits) == 0 else { return "\(before) (could not raise it to \(target))" }
        return "\(before) raised to \(target)"
    }

    /// The soft limit now.
    package static var current: UInt64 {
        var limits = rlimit()
        return getrlimit(resource, &limits) == 0 ? UInt64(limits.rlim_cur) : 0
    }

    #if os(Linux)
    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resource = RLIMIT_NOFILE
    #endif
}
