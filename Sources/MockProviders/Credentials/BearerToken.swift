import Foundation
import Hummingbird

/// `Authorization: Bearer <token>`, the scheme in any case (MySoft's document writes `bearer`).
enum BearerToken {
    static func of(_ request: Request) -> String? {
        guard let header = request.headers.value(of: .authorization) else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
