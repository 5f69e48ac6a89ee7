import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// The mock's own certificate authority, for the Node API's TLS port when no `--tls-cert` is given: generated on the
/// first start and kept in a folder (beside `--state`), so a test trusts it once (`CURL_CA_BUNDLE`,
/// `NODE_EXTRA_CA_CERTS`, `REQUESTS_CA_BUNDLE`, or `GET /__admin/ca.pem`). Each start issues a fresh server certificate
/// from it for `localhost`, the loopback addresses and the names the server is reached by.
package struct LocalCA: Sendable {
    package let certificatePEM: String
    let key: P256.Signing.PrivateKey
    let certificate: Certificate

    /// The files of a CA in `folder`.
    package static func paths(in folder: String) -> (certificate: String, key: String) {
        ((folder as NSString).appendingPathComponent("provider-mock-ca.pem"), (folder as NSString).appendingPathComponent("provider-mock-ca-key.pem"))
    }

    /// The CA kept in `folder`, or a new one written there (the key readable by its owner only).
    package static func loadOrCreate(in folder: String, now: Date = Date()) throws -> LocalCA {
        let paths = paths(in: folder)
        if FileManager.default.fileExists(atPath: paths.certificate), FileManager.default.fileExists(atPath: paths.key) {
            let certificatePEM = try String(contentsOfFile: paths.certificate, encoding: .utf8)
            let key = try P256.Signing.PrivateKey(pemRepresentation: try String(contentsOfFile: paths.key, encoding: .utf8))
            return LocalCA(certificatePEM: certificatePEM, key: key, certificate: try Certificate(pemEncoded: certificatePEM))
        }
        let ca = try create(now: now)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: paths.key, contents: Data(ca.key.pemRepresentation.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: paths.key])
        }
        try ca.certificatePEM.write(toFile: paths.certificate, atomically: true, encoding: .utf8)
        return ca
    }

    /// The CA's name, its issuer's and subject's.
    static func name() throws -> DistinguishedName {
        try DistinguishedName {
            OrganizationName("provider-mock")
            CommonName("provider-mock local CA")
        }
    }

    /// A new CA, valid for ten years.
    package static func create(now: Date = Date()) throws -> LocalCA {
        let key = P256.Signing.PrivateKey()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
            issuer: try name(), subject: try name(), signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: .init(key.publicKey))
            },
            issuerPrivateKey: .init(key)
        )
        return LocalCA(certificatePEM: try certificate.serializeAsPEM().pemString, key: key, certificate: certificate)
    }

    /// A server certificate for `hosts` (names and IP addresses; `localhost`, 127.0.0.1 and ::1 always), valid for a
    /// year, as the TLS configuration of a server.
    package func serverConfiguration(hosts: [String], now: Date = Date()) throws -> TLSConfiguration {
        let key = P256.Signing.PrivateKey()
        var names: [GeneralName] = []
        for host in ["localhost", "127.0.0.1", "::1"] + hosts where !host.isEmpty {
            let name = Self.generalName(host)
            if !names.contains(name) { names.append(name) }
        }
        let authority = try self.certificate.extensions.subjectKeyIdentifier?.keyIdentifier
        let leaf = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(365 * 86_400),
            issuer: try Self.name(), subject: try DistinguishedName { CommonName("localhost") }, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
                SubjectKeyIdentifier(hash: .init(key.publicKey))
                if let authority {
                    AuthorityKeyIdentifier(keyIdentifier: authority)
                }
            },
            issuerPrivateKey: .init(self.key)
        )
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(try leaf.serializeAsPEM().pemString.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(key.pemRepresentation.utf8), format: .pem))
        )
    }

    /// An IP address as an address name, anything else as a DNS name.
    static func generalName(_ host: String) -> GeneralName {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return .ipAddress(ASN1OctetString(contentBytes: ArraySlice(withUnsafeBytes(of: v4) { Array($0) })))
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            return .ipAddress(ASN1OctetString(contentBytes: ArraySlice(withUnsafeBytes(of: v6) { Array($0) })))
        }
        return .dnsName(host)
    }
}
