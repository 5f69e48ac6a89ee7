import EuromsgExpress

/// Euromsg Express's collection: the token, the end user's API key, then lists, members, campaigns and reports
/// (``ExpressOperation``), each list and member made by the requests before it.
enum ExpressCollection {
    static var collection: PostmanCollection {
        PostmanCollection(
            name: "Euromsg Express CRM/ERP gateway",
            description: "Token (kept in {{expressToken}}), the end user's API key, then lists, members, campaigns and reports.",
            items: [
                call("Health check", .healthCheck, tests: [], auth: PostmanCollection.Auth.none),
                call(
                    "Token", .issueToken, body: #"{"clientName": "{{expressClient}}", "password": "{{expressPassword}}"}"#,
                    tests: [PostmanScript.keep("expressToken", "tokenValue")], auth: PostmanCollection.Auth.none
                ),
                call("API key identification", .identify, query: [("apiKey", "{{expressApiKey}}")]),
                call("Create list", .createList, body: #"{"name": "Postman Listesi {{$timestamp}}"}"#, tests: [PostmanScript.keep("listId", "id")]),
                call("Lists", .listLists),
                call("Rename list", .renameList, "{{listId}}", body: #"{"name": "Postman Listesi (yeni ad) {{$timestamp}}"}"#),
                call(
                    "Add member", .addMember, body: #"{"listId": {{listId}}, "email": "postman.{{$timestamp}}@example.com", "firstName": "Işıl"}"#,
                    tests: [PostmanScript.keep("memberId", "memberId")]
                ),
                call("Members of the list", .queryMembers, query: [("listId", "{{listId}}"), ("page", "1"), ("pageSize", "100")]),
                call("Update member", .updateMemberByPath, "{{memberId}}", body: #"{"lastName": "Güneş"}"#),
                call("Member by id", .getMember, "{{memberId}}"),
                call("Delete member", .deleteMember, "{{memberId}}"),
                call("Delete list", .deleteList, "{{listId}}"),
                call("Sent campaigns", .listCampaigns, query: [("status", "Sent")]),
                call("Campaign", .getCampaign, "7001"),
                call("Campaign report", .campaignReport, query: [("campaignId", "7001")]),
                call("Campaign report detail", .campaignReportDetail, query: [("campaignId", "7001"), ("status", "HardBounced")]),
            ],
            auth: .bearer("expressToken"), variables: ["expressToken", "listId", "memberId"]
        )
    }

    private static func call(
        _ name: String, _ operation: ExpressOperation, _ parameter: String? = nil, query: [(String, String)] = [], body: String? = nil,
        tests: [String] = [], auth: PostmanCollection.Auth? = nil
    ) -> PostmanCollection.Item {
        .call(
            name, operation.method.rawValue, .init("euromsgUrl", parameter.map { operation.path($0) } ?? operation.path, query: query),
            body: body.map { .raw($0) }, headers: body == nil ? [] : NodeAPICollection.jsonHeader, tests: [PostmanScript.httpSuccess] + tests, auth: auth
        )
    }
}
