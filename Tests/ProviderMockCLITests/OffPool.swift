import Foundation

/// Blocking work of the tests that start `provider-mock` (reading a child's pipe until it logs its ports, waiting for it
/// to exit), on a thread of its own, off Swift's cooperative pool. That pool has as many threads as cores: a test blocked
/// in it holds up every other test's tasks for as long, two of them on a two-core machine hold up all.
enum OffPool {
    /// `body`'s result, computed on a thread of its own.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Returns once `process` has exited.
    static func exit(of process: Process) async {
        _ = try? await run { process.waitUntilExit() }
    }
}
