import HTTPTypes

extension HTTPFields {
    /// The value of the field `name`, as `headers.value(of: name)` gives it (several fields joined by `, `), without its cost:
    /// the subscript joins even a single value through unspecialised generic code, about 2 000 instructions a read
    /// and a tenth of a JSON call's request path over the reads of one request (`Benchmarks/PipelineBench`).
    package func value(of name: HTTPField.Name) -> String? {
        var found: String?
        for field in self where field.name == name {
            if found != nil { return self[name] }
            found = field.value
        }
        return found
    }
}
