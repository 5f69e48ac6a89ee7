#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import LibXML

/// A parse prints nothing: libxml2 reports a failed encoding conversion through its generic handler, which
/// writes to stderr, so a client could fill the mock's log with one line per request.
@Suite(.serialized) struct XMLQuietParseTests {
    /// Declares an encoding whose conversion fails on the bytes that follow (found by the SOAP fuzz target).
    static let badlyEncoded: [UInt8] = Array(#"<?xml version="1.0" encoding="EUC-JP"?><r>"#.utf8) + [0x8F, 0xFF, 0x7F, 0x0A] + Array("</r>".utf8)

    @Test func aBadEncodingIsAnErrorAndNothingIsPrinted() throws {
        let printed = try Self.standardError {
            #expect(throws: XMLParseError.self) { try XMLDocumentParser.parse(Self.badlyEncoded) }
        }
        // Only libxml2 writes these words; anything else another test prints meanwhile is not this test's concern.
        #expect(!printed.contains("encoding error"), "\(printed)")
        #expect(!printed.contains("I/O error"), "\(printed)")
    }

    @Test func aThreadThatNeverParsedBeforeIsQuietToo() async throws {
        let printed = try Self.standardError {
            let thread = Thread {
                _ = try? XMLDocumentParser.parse(Self.badlyEncoded)
            }
            thread.start()
            while !thread.isFinished { usleep(1_000) }
        }
        #expect(!printed.contains("encoding error"), "\(printed)")
    }

    /// What the body writes to file descriptor 2, captured through a temporary file.
    static func standardError(_ body: () throws -> Void) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        let file = open(url.path, O_CREAT | O_RDWR | O_TRUNC, 0o600)
        try #require(file >= 0)
        defer { close(file); unlink(url.path) }
        fflush(nil)
        let saved = dup(2)
        try #require(saved >= 0)
        dup2(file, 2)
        defer { fflush(nil); dup2(saved, 2); close(saved) }
        try body()
        fflush(nil)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }
}
