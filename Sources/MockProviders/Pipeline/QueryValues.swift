import Hummingbird

extension Request {
    /// The query's parameters by name, the first value of a repeated one winning (as the providers read them).
    var firstQueryValues: [String: String] {
        var values: [String: String] = [:]
        for (key, value) in uri.queryParameters where values[String(key)] == nil { values[String(key)] = String(value) }
        return values
    }
}
