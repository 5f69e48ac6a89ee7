import Conformance
@testable import Descriptions
import EuromsgExpress
import Foundation
import MockAdmin
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

    /// The Node API's and İYS's calls refer to a request schema and a reply schema each: both are written by hand in
    /// the description's components.
    @Test func everyCallsSchemasAreWrittenByHand() throws {
        let nodeAPI = try Self.repository.read(OpenAPISource.nodeAPI.source)
        for operation in NodeAPIOperation.allCases {
            for name in [OpenAPISource.nodeAPIRequest(operation), OpenAPISource.nodeAPIReply(operation)] {
                #expect(nodeAPI.contains("\n    \(name):"), "\(OpenAPISource.nodeAPI.source) has no schema \(name) for \(operation.path)")
            }
        }
        #expect(OpenAPISource.nodeAPIReply(.listMoRequests) == "ListMoRequestsReply")
        let iys = try Self.repository.read(OpenAPISource.iys.source)
        for operation in IYSOperation.allCases {
            for name in [OpenAPISource.iysRequest(operation), OpenAPISource.iysReply(operation)].compactMap(\.self) {
                #expect(iys.contains("\n    \(name):"), "\(OpenAPISource.iys.source) has no schema \(name) for \(operation.path)")
            }
        }
        #expect(OpenAPISource.iysRequest(.brands) == nil && OpenAPISource.iysRequest(.batchErrors) == "BatchTransactionRequest")
        #expect(OpenAPISource.iysOperationID(.brands) == "iysBrands" && OpenAPISource.iysOperationID(.batchSuccesses) == "consentBatchStatusSuccess")
    }

    static func document(_ source: OpenAPISource) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(source.json(repository.read(source.source)).utf8)) as? [String: Any])
    }

    /// Each description's paths are its table's, with what the table says of each call.
    @Test func theDescriptionsPathsAreTheTables() throws {
        let iysCalls = IYSOperation.allCases.flatMap { $0.allowsGET ? ["POST \($0.path)", "GET \($0.path)"] : ["POST \($0.path)"] }
        for (source, calls) in [
            (OpenAPISource.nodeAPI, NodeAPIOperation.allCases.map { "POST \($0.path)" }),
            (OpenAPISource.iys, iysCalls + ["POST /oauth/token"]),
            (OpenAPISource.euromsg, ExpressOperation.allCases.map { "\($0.method.rawValue) \($0.path)" }),
            (OpenAPISource.admin, AdminOperation.allCases.map { "\($0.method.rawValue) \($0.path)" }),
        ] {
            let document = try Self.document(source)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            #expect(Set(paths.flatMap { path, item in item.keys.map { "\($0.uppercased()) \(path)" } }) == Set(calls), "\(source.name)")
            #expect(document["x-operations"] == nil)
        }
        let admin = try #require(try Self.document(.admin)["paths"] as? [String: [String: [String: Any]]])
        #expect(admin["/__admin/faults/{id}"]?["delete"]?["operationId"] as? String == "removeFault")
        #expect(admin["/__admin/worlds"]?["post"]?["summary"] as? String == AdminOperation.createWorld.descriptor.summary)
        let nodeAPI = try #require(try Self.document(.nodeAPI)["paths"] as? [String: [String: [String: Any]]])
        #expect(nodeAPI["/contact/import"]?["post"]?["description"] as? String == "Import contacts from CSV text. JSON only.")
        #expect(nodeAPI["/user/credit"]?["post"]?["description"] as? String == "Read the account's credit. SOAP: getUserCredit.")
    }

    /// What is written by hand names the table's calls, no fewer (where each call has hand-written parts) and no others,
    /// and writes no path the table gives.
    @Test func theHandWrittenPartsFollowTheTable() throws {
        let admin = try Self.repository.read(OpenAPISource.admin.source)
        #expect(throws: DescribeError.mismatch(OpenAPISource.admin.source, "x-operations lacks [\"removeFault\"] and has [\"removeFaultz\"], which the operation table does not")) {
            try OpenAPISource.admin.json(admin.replacingOccurrences(of: "\n  removeFault:\n", with: "\n  removeFaultz:\n"))
        }
        let euromsg = try Self.repository.read(OpenAPISource.euromsg.source)
        #expect(throws: DescribeError.mismatch(OpenAPISource.euromsg.source, "POST /tokens is written by hand and given by the operation table")) {
            try OpenAPISource.euromsg.json(euromsg + "paths:\n  /tokens:\n    post: {summary: x}\n")
        }
        #expect(throws: DescribeError.unreadable(OpenAPISource.euromsg.source, "not a YAML mapping")) { try OpenAPISource.euromsg.json("- a\n") }
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
