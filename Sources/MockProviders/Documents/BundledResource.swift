/// A file the mocks ship in `Resources/` (the WSDL, the inbox page, the OpenAPI descriptions, the bundled scenario):
/// compiled into the program by the EmbedResources build plugin, so that the binary runs wherever it is copied. None
/// when it is missing, which the tests that read each one catch.
enum BundledResource {
    static func text(_ name: String, _ type: String, in subdirectory: String? = nil) -> String {
        EmbeddedResources.files[(subdirectory.map { $0 + "/" } ?? "") + name + "." + type] ?? ""
    }

    static func bytes(_ name: String, _ type: String, in subdirectory: String? = nil) -> [UInt8] {
        Array(text(name, type, in: subdirectory).utf8)
    }
}
