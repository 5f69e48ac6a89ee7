import Foundation
import Synchronization

/// `Authorization: Basic base64(user:password)`, header name and scheme case-insensitive.
///
/// Clients send the same header on every call, and decoding it (base64, then UTF-8) cost more than the rest
/// of authentication under load, so decoded headers are kept in a small cache (emptied when full, so a client
/// cycling through credentials cannot grow it).
enum BasicCredentials {
    static let capacity = 256
    private static let cache = Mutex<[String: (username: String, password: String)]>([:])

    static func of(_ header: String?) -> (username: String, password: String)? {
        guard let header else { return nil }
        if let known = cache.withLock({ $0[header] }) { return known }
        guard let decoded = decode(header) else { return nil }
        cache.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[header] = decoded
        }
        return decoded
    }

    /// Headers held now (for tests).
    static var cachedCount: Int { cache.withLock { $0.count } }

    static func decode(_ header: String) -> (username: String, password: String)? {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
