import Foundation

/// A WSDL's `<soap:address location="…">` pointed at another address: the proxy's, so that a SOAP toolkit that reads
/// the WSDL through the proxy also sends its calls through it.
enum WSDLAddress {
    nonisolated(unsafe) static let address = /(<(?:[A-Za-z_][\w.-]*:)?address\s[^>]*location\s*=\s*)("[^"]*"|'[^']*')/

    static func pointing(_ wsdl: [UInt8], at location: String) -> [UInt8] {
        guard let text = String(validating: wsdl, as: UTF8.self), text.contains("definitions") else { return wsdl }
        let escaped = location.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        return Array(text.replacing(address) { match in "\(match.output.1)\"\(escaped)\"" }.utf8)
    }
}
