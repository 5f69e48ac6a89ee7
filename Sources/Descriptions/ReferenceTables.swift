import Foundation
import EuromsgExpress
import MySoftIYS
import NodeAPI

/// The README's reference tables of each API's calls, generated from the operation tables (``NodeAPIOperation``,
/// ``IYSOperation``, ``ExpressOperation``), so that the README cannot drift from what the mocks serve:
/// `provider-mock describe` writes them between the README's markers.
enum ReferenceTables {
    /// The README's generated sections.
    static var sections: [DescribedFile.Section] {
        [.init("node-api-calls", nodeAPI), .init("iys-calls", iys), .init("euromsg-calls", euromsg)]
    }

    static var nodeAPI: String {
        table(["JSON path", "Methods", "SOAP operation", "Request type", "Reply type", "What it does"], NodeAPIOperation.allCases.map { operation in
            let row = operation.descriptor
            return [
                "`\(operation.path)`", operation.allowsGET ? "GET, POST" : "POST", row.soapName.map { "`\($0)`" } ?? "", "`\(row.requestType)`",
                "`\(row.replyType)`", row.summary,
            ]
        })
    }

    static var iys: String {
        table(["Path", "Methods", "Request type", "What it does"], IYSOperation.allCases.map { operation in
            [
                "`\(operation.path)`", operation.allowsGET ? "GET, POST" : "POST", operation.descriptor.requestType.map { "`\($0)`" } ?? "",
                operation.descriptor.summary,
            ]
        })
    }

    static var euromsg: String {
        table(["Method", "Path", "Needs an end user", "What it does"], ExpressOperation.allCases.map { operation in
            [operation.method.rawValue, "`\(operation.path)`", operation.needsEndUser ? "yes" : "no", operation.descriptor.summary]
        })
    }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header, header.map { _ in "---" }] + rows).map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
    }

    /// The three tables as JSON (`describe/operations.json`), for the scripts that need the calls (the fuzz seeds):
    /// they read this file rather than the Swift source.
    static var operationsJSON: String {
        let tables = OperationsFile(
            nodeAPI: NodeAPIOperation.allCases.map { operation in
                .init(
                    path: operation.path, methods: operation.allowsGET ? ["GET", "POST"] : ["POST"], soapName: operation.soapName,
                    requestType: "\(operation.requestType)", replyType: "\(operation.descriptor.replyType)", summary: operation.descriptor.summary,
                    examples: operation.exampleNames
                )
            },
            iys: IYSOperation.allCases.map { .init(name: $0.name, path: $0.path, methods: $0.allowsGET ? ["GET", "POST"] : ["POST"]) },
            euromsg: ExpressOperation.allCases.map { .init(operation: $0.rawValue, method: $0.method.rawValue, path: $0.path, needsEndUser: $0.needsEndUser) }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(tables)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    private struct OperationsFile: Encodable {
        struct NodeAPICall: Encodable {
            var path: String; var methods: [String]; var soapName: String?; var requestType: String; var replyType: String; var summary: String
            var examples: [String]
        }
        struct IYSCall: Encodable { var name: String; var path: String; var methods: [String] }
        struct EuromsgCall: Encodable { var operation: String; var method: String; var path: String; var needsEndUser: Bool }
        var nodeAPI: [NodeAPICall]
        var iys: [IYSCall]
        var euromsg: [EuromsgCall]
    }
}
