import LibXML
import NodeAPI

/// The WSDL's parts that list the operations, from ``NodeAPIOperation``'s table: the body elements at the end of the
/// schema, then the messages, the port type, the SOAP 1.1 binding (document/literal, `soapAction` = the operation's
/// name) and the service. The schema's types (`SendSmsRequest`, `SendSmsResponse`, …) are written by hand around them.
enum WSDLOperations {
    static var sections: [DescribedFile.Section] {
        [.init("wsdl-elements", elements), .init("wsdl-operations", operations)]
    }

    /// Each operation's request element and reply element, of the schema types named after it.
    static var elements: String {
        lines(NodeAPIOperation.soapOperations.flatMap { operation in
            let name = operation.soapName ?? ""
            return [
                "    <xs:element name=\"\(name)\" type=\"tns:\(typeName(name))Request\"/>",
                "    <xs:element name=\"\(name)Response\" type=\"tns:\(typeName(name))Response\"/>",
            ]
        })
    }

    static var operations: String {
        let names = NodeAPIOperation.soapOperations.map { ($0.soapName ?? "", $0) }
        let messages = names.flatMap { name, _ in
            [
                "    <wsdl:message name=\"\(name)Input\">", "        <wsdl:part name=\"parameters\" element=\"tns:\(name)\"/>", "    </wsdl:message>",
                "    <wsdl:message name=\"\(name)Output\">", "        <wsdl:part name=\"parameters\" element=\"tns:\(name)Response\"/>", "    </wsdl:message>",
            ]
        }
        let portType = names.flatMap { name, operation in
            [
                "        <wsdl:operation name=\"\(name)\">",
                "            <wsdl:documentation>\(operation.path): \(XMLWriter.escaped(operation.descriptor.summary)).</wsdl:documentation>",
                "            <wsdl:input message=\"tns:\(name)Input\"/>",
                "            <wsdl:output message=\"tns:\(name)Output\"/>",
                "        </wsdl:operation>",
            ]
        }
        let binding = names.flatMap { name, _ in
            [
                "        <wsdl:operation name=\"\(name)\">",
                "            <soap:operation soapAction=\"\(name)\" style=\"document\"/>",
                "            <wsdl:input><soap:body use=\"literal\"/></wsdl:input>",
                "            <wsdl:output><soap:body use=\"literal\"/></wsdl:output>",
                "        </wsdl:operation>",
            ]
        }
        return lines(
            messages + ["    <wsdl:portType name=\"SmsPortType\">"] + portType + ["    </wsdl:portType>"]
                + ["    <wsdl:binding name=\"SmsBinding\" type=\"tns:SmsPortType\">",
                   "        <soap:binding style=\"document\" transport=\"http://schemas.xmlsoap.org/soap/http\"/>"]
                + binding + ["    </wsdl:binding>"]
                + ["    <wsdl:service name=\"SmsService\">", "        <wsdl:port name=\"SmsPort\" binding=\"tns:SmsBinding\">",
                   "            <soap:address location=\"http://localhost:9587/soap\"/>", "        </wsdl:port>", "    </wsdl:service>"]
        )
    }

    /// `sendSms` → `SendSms`: the schema's type names.
    static func typeName(_ operation: String) -> String { operation.prefix(1).uppercased() + operation.dropFirst() }

    private static func lines(_ lines: [String]) -> String { lines.joined(separator: "\n") }
}
