import Conformance
@testable import Descriptions
import Foundation
import MockProviders
import MySoftIYS
import NodeAPI
import Testing

/// Issue 27: what describes the APIs follows from the operation tables. Each committed file is what
/// `provider-mock describe` generates (committed = generated), and each generator follows its table.
@Suite struct DescriptionsTests {
    static let repository = Repository(root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized)

    @Test(arguments: try Descriptions.files(repository).map(\.path))
    func theCommittedFileIsGenerated(_ path: String) throws {
        let file = try #require(try Descriptions.files(Self.repository).first { $0.path == path })
        let current = try Self.repository.read(path)
        let upToDate = try file.generated(from: current) == current
        #expect(upToDate, "\(path) is out of date: run `swift run provider-mock describe`")
    }

    @Test func aSectionGoesBetweenItsMarkers() throws {
        let sections = ReferenceTables.sections
        let (filled, missing) = DescribedFile.filling("a\n<!-- generated: iys-calls -->\nold\n<!-- end generated -->\nb", sections)
        #expect(missing == ["node-api-calls", "euromsg-calls"])
        #expect(filled.contains("| `/api/IYSConsent/IYSBrands` | GET, POST |  | The brands of the account |") && !filled.contains("old"))
        #expect(filled.hasPrefix("a\n<!-- generated: iys-calls -->\n|") && filled.hasSuffix("|\n<!-- end generated -->\nb"))
        // Markers behind a comment sign and indented (YAML) keep their lines.
        let (yaml, _) = DescribedFile.filling("x:\n  # <!-- generated: iys-calls -->\n  old\n  # <!-- end generated -->\ny: 1\n", sections)
        #expect(yaml.hasPrefix("x:\n  # <!-- generated: iys-calls -->\n|") && yaml.hasSuffix("|\n  # <!-- end generated -->\ny: 1\n"))
        #expect(throws: DescribeError.missingMarkers("README.md", ["node-api-calls", "euromsg-calls"])) {
            try DescribedFile("README.md", .sections(sections)).generated(from: "a\n<!-- generated: iys-calls -->\n<!-- end generated -->\n")
        }
        #expect(throws: DescribeError.unreadable("README.md", "no such file")) { try DescribedFile("README.md", .sections(sections)).generated(from: nil) }
    }

    @Test func theWSDLListsEverySOAPOperationOfTheTable() {
        let operations = WSDLOperations.operations, elements = WSDLOperations.elements
        for operation in NodeAPIOperation.soapOperations {
            let name = operation.soapName ?? ""
            #expect(elements.contains("<xs:element name=\"\(name)\" type=\"tns:\(WSDLOperations.typeName(name))Request\"/>"))
            #expect(operations.contains("<wsdl:message name=\"\(name)Output\">"))
            #expect(operations.contains("<soap:operation soapAction=\"\(name)\" style=\"document\"/>"))
            #expect(operations.contains("<wsdl:documentation>\(operation.path): \(operation.descriptor.summary).</wsdl:documentation>"))
        }
        #expect(WSDLOperations.typeName("getUserCredit") == "GetUserCredit")
    }

    /// The generated paths refer to a request schema and a reply schema per operation: both are in the hand-written
    /// components.
    @Test func everyOperationsSchemasAreWrittenInTheOpenAPIDescription() throws {
        let document = try Self.repository.read(NodeAPIPaths.path)
        for operation in NodeAPIOperation.allCases {
            for name in [NodeAPIPaths.requestSchema(operation), NodeAPIPaths.replySchema(operation)] {
                #expect(document.contains("\n    \(name):"), "\(NodeAPIPaths.path) has no schema \(name) for \(operation.path)")
            }
        }
        #expect(NodeAPIPaths.replySchema(.listMoRequests) == "ListMoRequestsReply")
        #expect(NodeAPIPaths.text.contains("description: \"Import contacts from CSV text. JSON only.\""))
    }

    @Test func everyIYSCallsSchemasAreWrittenInTheOpenAPIDescription() throws {
        let document = try Self.repository.read(IYSPaths.path)
        for operation in IYSOperation.allCases {
            for name in [IYSPaths.requestSchema(operation), IYSPaths.replySchema(operation)].compactMap(\.self) {
                #expect(document.contains("\n    \(name):"), "\(IYSPaths.path) has no schema \(name) for \(operation.path)")
            }
        }
        #expect(IYSPaths.requestSchema(.brands) == nil && IYSPaths.requestSchema(.batchErrors) == "BatchTransactionRequest")
        #expect(IYSPaths.operationID(.brands) == "iysBrands" && IYSPaths.operationID(.batchSuccesses) == "consentBatchStatusSuccess")
        #expect(IYSPaths.text.contains("operationId: iysBrandsByGet"))
    }

    /// The admin description's paths are the table's; its hand-written parts must name the table's calls, no fewer
    /// and no others.
    @Test func theAdminDescriptionFollowsItsTable() throws {
        let source = try Self.repository.read(AdminOpenAPI.source)
        let json = try AdminOpenAPI.json(source)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        #expect(paths["/__admin/faults/{id}"]?["delete"]?["operationId"] as? String == "removeFault")
        #expect(paths["/__admin/worlds"]?["post"]?["summary"] as? String == AdminOperation.createWorld.descriptor.summary)
        #expect(document["x-operations"] == nil)
        let withoutOne = source.replacingOccurrences(of: "\n  removeFault:\n", with: "\n  removeFaultz:\n")
        #expect(throws: DescribeError.mismatch(AdminOpenAPI.source, "x-operations lacks [\"removeFault\"] and has [\"removeFaultz\"], which the admin API's table (AdminOperation) does not")) {
            try AdminOpenAPI.json(withoutOne)
        }
    }

    @Test func everyExampleOfTheTableIsInTheCollection() throws {
        let collection = try NodeAPICollection.collection(Self.repository)
        let names = collection.item.flatMap(\.leaves).map(\.name)
        for operation in NodeAPIOperation.allCases {
            for example in operation.exampleNames { #expect(names.contains("\(operation.path) (\(example))")) }
        }
        #expect(NodeAPIOperation.createSms.exampleNames == ["sms-create", "sms-create-1toN", "sms-create-NtoN"])
        #expect(names.contains("SOAP sendSms-1toN") && names.contains("SOAP getUserCredit"))
    }

    /// `provider-mock check` and the collection's contract folder read one table of cases.
    @Test func theContractFolderIsTheContractsDocumentedErrors() throws {
        let collection = try NodeAPICollection.collection(Self.repository)
        let folder = try #require(collection.item.first { $0.name == "Contract: documented errors" })
        let expected = NodeAPIContractCase.all.filter { $0.expecting != nil }
        #expect(folder.item?.map(\.name) == expected.map(\.name))
        for (item, contractCase) in zip(folder.item ?? [], expected) {
            let code = try #require(contractCase.expecting)
            #expect(item.event?.first?.script.exec.contains(PostmanScript.documentedError(code.entry.name, code.entry.status)) == true)
            #expect(item.request?.url.raw == "{{nodeApiUrl}}" + type(of: contractCase.request).operation.path)
            #expect((item.request?.auth?.basic?.contains { $0.value.hasSuffix(NodeAPIContractCase.wrongPasswordSuffix) } ?? false) == contractCase.wrongPassword)
        }
    }
}
