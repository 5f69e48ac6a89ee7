import Foundation
@testable import ProviderMockCLI
import Testing
import X509

/// Issue 25, item 4: the local CA of the Node API's TLS port is made once, kept (its key readable by its owner only)
/// and found again; each server certificate it issues names localhost, the loopback addresses and the server's names.
@Suite struct LocalCATests {
    @Test func theCAIsKeptAndFoundAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("local-ca-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try LocalCA.loadOrCreate(in: folder)
        let paths = LocalCA.paths(in: folder)
        let permissions = try FileManager.default.attributesOfItem(atPath: paths.key)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let found = try LocalCA.loadOrCreate(in: folder)
        #expect(found.certificatePEM == made.certificatePEM)
        let certificate = try Certificate(pemEncoded: made.certificatePEM)
        #expect(try certificate.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
        #expect(try certificate.subject == LocalCA.name() && certificate.issuer == LocalCA.name())
    }

    @Test func addressesAndNamesAreTheirOwnKinds() {
        #expect(LocalCA.generalName("localhost") == .dnsName("localhost"))
        #expect(LocalCA.generalName("mock.ci") == .dnsName("mock.ci"))
        if case .ipAddress(let v4) = LocalCA.generalName("127.0.0.1") { #expect(Array(v4.bytes) == [127, 0, 0, 1]) } else { Issue.record("127.0.0.1 is an address") }
        if case .ipAddress(let v6) = LocalCA.generalName("::1") { #expect(v6.bytes.count == 16) } else { Issue.record("::1 is an address") }
    }

    @Test func aServerConfigurationIsIssued() throws {
        let configuration = try LocalCA.create().serverConfiguration(hosts: ["0.0.0.0", "mock.ci"])
        #expect(configuration.certificateChain.count == 1)
    }
}
