import Foundation
import Synchronization

/// The recorded exchanges `serve --replay DIR` answers with (``RecordedExchange``, as `proxy --record DIR` writes them).
/// A request that matches a recording (``ReplayKey``) gets its recorded reply; the same request recorded several times
/// (a package polled until delivered) gets the recordings in file order, then the last one again. Credentials are not
/// checked: the recording's were redacted. A reset (`POST /__admin/reset`) starts every sequence over.
public final class ReplayBook: Sendable {
    struct Entry: Sendable {
        var file: String
        var exchange: RecordedExchange
    }

    private let entries: [ReplayKey: [Entry]]
    private let served = Mutex<[ReplayKey: Int]>([:])
    /// The recordings loaded.
    public let count: Int

    /// At most this many files, each at most ``maxFileBytes``: a directory is read whole at start.
    static let maxFiles = 100_000
    static let maxFileBytes = 32 * 1024 * 1024

    /// The recordings, each with its file name, in the order a sequence replays them.
    public init(_ exchanges: [(file: String, exchange: RecordedExchange)]) {
        var entries: [ReplayKey: [Entry]] = [:]
        for (file, exchange) in exchanges {
            let request = exchange.request
            let key = ReplayKey(method: request.method, path: request.path, query: request.query, body: request.body.bytes)
            entries[key, default: []].append(Entry(file: file, exchange: exchange))
        }
        self.entries = entries
        count = exchanges.count
    }

    /// Every `*.json` file of `directory`, in name order. A file that is not a recording stops the load, named.
    public static func load(directory: String) throws(ReplayError) -> ReplayBook {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw ReplayError(message: "cannot read the replay directory \(directory): \(error.localizedDescription)")
        }
        guard names.count <= maxFiles else { throw ReplayError(message: "\(directory) has \(names.count) recordings; at most \(maxFiles) are read") }
        var exchanges: [(file: String, exchange: RecordedExchange)] = []
        for name in names {
            let file = url.appendingPathComponent(name)
            do {
                let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
                guard size <= maxFileBytes else { throw ReplayError(message: "\(file.path): \(size) bytes; a recording is at most \(maxFileBytes)") }
                exchanges.append((name, try JSONDecoder().decode(RecordedExchange.self, from: Data(contentsOf: file))))
            } catch let error as ReplayError {
                throw error
            } catch let DecodingError.keyNotFound(key, context) {
                throw ReplayError(message: "\(file.path): not a recording: \((context.codingPath + [key]).map(\.stringValue).joined(separator: ".")) is missing")
            } catch {
                throw ReplayError(message: "\(file.path): not a recording: \(error.localizedDescription)")
            }
        }
        return ReplayBook(exchanges)
    }

    /// The recording that answers this request next, with its file name (and the sequence moves on); nil when nothing
    /// recorded matches.
    public func recording(method: String, path: String, query: String?, body: [UInt8]) -> (file: String, exchange: RecordedExchange)? {
        guard !entries.isEmpty else { return nil }
        let key = ReplayKey(method: method, path: path, query: query, body: body)
        guard let recorded = entries[key], !recorded.isEmpty else { return nil }
        let index = served.withLock { served in
            let next = served[key, default: 0]
            served[key] = min(next + 1, recorded.count - 1)
            return next
        }
        let entry = recorded[min(index, recorded.count - 1)]
        return (entry.file, entry.exchange)
    }

    /// Every sequence starts over.
    public func rewind() { served.withLock { $0.removeAll() } }
}

/// A replay directory that cannot be loaded.
public struct ReplayError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

