import Foundation

/// A file the mocks ship in `Resources/` (the WSDL, the inbox page, the OpenAPI descriptions): its bytes, or none when
/// it is missing, which the tests that read each one catch.
enum BundledResource {
    static func bytes(_ name: String, _ type: String, in subdirectory: String? = nil) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: type, subdirectory: subdirectory),
              let data = try? Data(contentsOf: url) else { return [] }
        return Array(data)
    }

    static func text(_ name: String, _ type: String, in subdirectory: String? = nil) -> String {
        String(decoding: bytes(name, type, in: subdirectory), as: UTF8.self)
    }
}
