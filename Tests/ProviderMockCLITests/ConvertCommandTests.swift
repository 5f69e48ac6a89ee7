import Foundation
import Testing

/// The built `provider-mock` binary, run as a person would: stdin in, stdout out, exit status.
@Suite struct ConvertCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        // The test runner sits beside the products in .build/<triple>/<configuration>/.
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: url.appendingPathComponent("provider-mock").path) {
            url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug")
        }
        return url.appendingPathComponent("provider-mock")
    }

    func run(_ arguments: [String], stdin: [UInt8]) async throws -> Run {
        try await OffPool.run { try Self.runToEnd(arguments, stdin: stdin) }
    }

    private static func runToEnd(_ arguments: [String], stdin: [UInt8]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func soapToJSONAndBack() async throws {
        let soap = try ConverterTests.soapGolden("sendSms-1toN.request")
        let json = try await run(["convert", "--to", "json"], stdin: soap)
        #expect(json.status == 0)
        #expect(json.stdout.contains(#""numbers":["905511034554","905433404971"]"#))
        let back = try await run(["convert", "--to", "soap", "--operation", "sendSms", "--username", "admin", "--password", "123456"], stdin: Array(json.stdout.utf8))
        #expect(back.status == 0)
        #expect(back.stdout.contains("<sms:sendSms>"))
        #expect(back.stdout.contains("<item>905433404971</item>"))
    }

    @Test func malformedInputExitsNonZeroWithOneLine() async throws {
        let result = try await run(["convert", "--to", "json"], stdin: Array("<soapenv:Envelope".utf8))
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("provider-mock convert: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func unknownOperationExitsNonZero() async throws {
        let result = try await run(["convert", "--to", "soap", "--operation", "sendFax"], stdin: Array("{}".utf8))
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown operation 'sendFax'"))
    }

    @Test func soapWithoutOperationIsAUsageError() async throws {
        let result = try await run(["convert", "--to", "soap"], stdin: Array("{}".utf8))
        #expect(result.status != 0)
        #expect(result.stderr.contains("--to soap needs --operation"))
    }
}
