import Foundation
import MockProviders
import NIOSSL

/// The TLS of `serve`'s Node API port: the certificate and key given (`--tls-cert`, `--tls-key`), or a server
/// certificate issued by a local CA that the server makes on its first start and keeps beside `--state` (or, without
/// one, in a folder of the system's temporary directory), whose PEM a test trusts.
struct ServeTLS {
    var configuration: TLSConfiguration
    /// The local CA's certificate and where it is kept; nil with `--tls-cert`.
    var certificateAuthority: (pem: String, path: String)?

    static func make(certificate: String?, key: String?, state: String?, hosts: [String]) throws -> ServeTLS {
        if let certificate, let key {
            let configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
            )
            return ServeTLS(configuration: configuration, certificateAuthority: nil)
        }
        let folder = state.map { ($0 as NSString).deletingLastPathComponent }.map { $0.isEmpty ? "." : $0 }
            ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("provider-mock-\(getuid())")
        let ca = try LocalCA.loadOrCreate(in: folder)
        return ServeTLS(
            configuration: try ca.serverConfiguration(hosts: hosts),
            certificateAuthority: (ca.certificatePEM, LocalCA.paths(in: folder).certificate)
        )
    }
}
