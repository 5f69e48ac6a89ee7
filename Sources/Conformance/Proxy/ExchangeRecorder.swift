import Foundation
import MockRecording
import NIOPosix
import Synchronization

/// Where the proxy writes its exchanges (`proxy --record DIR`): one file each, numbered in the order the replies came,
/// after those already in the directory, so that a second recording run adds to the first and replay keeps their order.
public final class ExchangeRecorder: Sendable {
    public let directory: URL
    private let sequence: Mutex<Int>

    /// Creates `directory` when it does not exist.
    public init(directory: String) throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // A number past the bound is not this recorder's (nor could it be followed without overflowing): passed over.
        let numbers = try FileManager.default.contentsOfDirectory(atPath: directory).compactMap { name in
            name.hasSuffix(".json") ? Int(name.prefix { $0.isNumber }).flatMap { $0 < Self.maxSequence ? $0 : nil } : nil
        }
        self.directory = url
        sequence = Mutex(numbers.max() ?? 0)
    }

    /// Exchanges numbered in one directory at most.
    public static let maxSequence = 999_999_999

    /// The directory's numbers are used up.
    public struct Full: Error, CustomStringConvertible {
        public var description: String { "the recording directory holds exchange \(ExchangeRecorder.maxSequence); record into another" }
    }

    /// Writes `exchange` to its file, off the server's threads; returns the file's name.
    @discardableResult
    public func record(_ exchange: RecordedExchange, soapAction: String?) async throws -> String {
        let number = sequence.withLock { value -> Int? in
            guard value < Self.maxSequence else { return nil }
            value += 1
            return value
        }
        guard let number else { throw Full() }
        let name = RecordedExchange.fileName(sequence: number, method: exchange.request.method, path: exchange.request.path, soapAction: soapAction)
        let directory = directory
        try await NIOThreadPool.singleton.runIfActive { try exchange.write(to: directory, name: name) }
        return name
    }
}
