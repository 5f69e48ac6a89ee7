import NodeAPI
import NodeAPIJSON
import Testing

/// Broken and hostile JSON bodies: each a typed error in the Node API's shape, never a crash.
@Suite struct BadInputTests {
    private let valid = #"{"type": 1, "sendingType": 0, "number": 905551234567, "sender": "BASLIK", "title": "T", "content": "Merhaba"}"#

    private func error<Request: NodeAPIRequest>(_ body: String, as type: Request.Type = CreateSmsRequest.self) -> NodeAPIError? {
        do {
            _ = try NodeAPIJSON.decodeRequest(type, from: Array(body.utf8))
            Issue.record("expected an error for \(body.prefix(120))")
            return nil
        } catch {
            return error
        }
    }

    private func replacing(_ old: String, _ new: String) -> String { valid.replacingOccurrences(of: old, with: new) }

    @Test func numbersAsStringsAreNormalised() throws {
        let fromNumbers = try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: Array(valid.utf8))
        let fromStrings = try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: Array(replacing(#""type": 1, "sendingType": 0, "number": 905551234567"#, #""type": "1", "sendingType": "0", "number": "905551234567""#).utf8))
        #expect(fromNumbers == fromStrings)
    }

    @Test func malformedJSONIsBadRequest() {
        let found = error(String(valid.dropLast(5)))
        #expect(found?.code == "ERR_BAD_REQUEST")
        #expect(found?.status == 400)
        #expect(found?.message.contains("not valid JSON") == true)
    }

    @Test func nonObjectBodyIsBadRequest() {
        #expect(error("[1, 2]")?.message.contains("must be a JSON object") == true)
        #expect(error("\"text\"")?.code == "ERR_BAD_REQUEST")
    }

    @Test func textWhereANumberIsExpected() {
        #expect(error(replacing(#""type": 1"#, #""type": "bir""#))?.message.contains("type: 'bir' is not an integer") == true)
        #expect(error(replacing(#""type": 1"#, #""type": 1.5"#))?.message.contains("type") == true)
    }

    @Test func numberWhereTextIsExpected() {
        let found = error(replacing(#""title": "T""#, #""title": 123"#))
        #expect(found?.code == "ERR_INVALID_PARAM")
        #expect(found?.message.contains("title: expected a string") == true)
    }

    /// A list position is named `[1]`, not as Foundation's decoder names it (`Index 1`).
    @Test func aListPositionIsNamedInBrackets() {
        let found = error(#"{"type": 1, "sendingType": 2, "title": "T", "sender": "BASLIK", "numbers": [{"nr": 905551230011, "msg": "a"}, {"nr": 905551230012, "msg": ["b"]}]}"#)
        #expect(found?.message.contains("numbers[1].msg") == true, "\(found?.message ?? "")")
    }

    @Test func wrongTypes() {
        #expect(error(valid.dropLast() + #", "commercial": "belki"}"#)?.message.contains("commercial: 'belki' is not a boolean") == true)
        #expect(error(valid.dropLast() + #", "pushSettings": "https://x"}"#)?.message.contains("pushSettings") == true)
        #expect(error(replacing(#""number": 905551234567"#, #""number": {"nr": 1}"#))?.message.contains("number") == true)
    }

    @Test func unknownEnumValues() {
        #expect(error(valid.dropLast() + #", "encoding": 9}"#)?.message.contains("encoding: 9 is not a known encoding (0, 1, 2)") == true)
        #expect(error(replacing(#""type": 1"#, #""type": 7"#))?.message.contains("type: 7 is not a known SMS type") == true)
    }

    @Test func unknownFieldsAreRefusedInRequests() {
        #expect(error(valid.dropLast() + #", "prority": 1}"#)?.message.contains("prority: unknown field") == true)
    }

    @Test func unknownFieldsAreIgnoredInReplies() throws {
        let reply = try NodeAPIJSON.decodeReply(UserCredit.self, from: Array(#"{"err": null, "data": {"credit": 5, "currency": "TRY"}}"#.utf8))
        #expect(reply == .success(UserCredit(credit: 5)))
    }

    @Test func sendingTypeDecidesTheShape() {
        #expect(error(replacing(#""sendingType": 0"#, #""sendingType": 1"#))?.message.contains("number: is not allowed when sendingType is 1") == true)
        let manyToMany = #"{"type": 1, "sendingType": 2, "numbers": [905551234567], "sender": "S", "title": "T"}"#
        #expect(error(manyToMany)?.message.contains("{nr, msg}") == true)
        let single = #"{"type": 1, "sendingType": 0, "numbers": [905551234567], "sender": "S", "title": "T", "content": "c"}"#
        #expect(error(single)?.message.contains("numbers: is not allowed when sendingType is 0") == true)
    }

    @Test func exactlyOneOfThePackageKeys() {
        #expect(error(#"{"pkgID": 1, "uuid": "u"}"#, as: ListSmsItemsRequest.self)?.message.contains("give only one of pkgID, uuid, customID") == true)
        #expect(error(#"{"pageSize": 10}"#, as: ListSmsItemsRequest.self)?.message.contains("one of pkgID, uuid, customID is required") == true)
        #expect(error(#"{"id": 1, "customID": "x"}"#, as: CancelSmsRequest.self)?.message.contains("id|uuid|customID") == true)
        #expect(error(#"{"customID": "x", "title": "t", "includeNewNumbers": true}"#, as: RecreateSmsRequest.self)?.message.contains("customID: unknown field") == true)
    }

    @Test func emptyBodies() throws {
        #expect(try NodeAPIJSON.decodeRequest(UserCreditRequest.self, from: []) == UserCreditRequest())
        #expect(try NodeAPIJSON.decodeRequest(UserCreditRequest.self, from: Array(" \n".utf8)) == UserCreditRequest())
        #expect(try NodeAPIJSON.decodeRequest(ListSendersRequest.self, from: []) == ListSendersRequest())
        #expect(error("", as: CreateSmsRequest.self)?.message.contains("type: is required") == true)
        #expect(error(#"{"x": 1}"#, as: UserCreditRequest.self)?.message.contains("x: unknown field") == true)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let nested = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(error(#"{"type": 1, "sendingType": 1, "numbers": "# + nested + "}")?.status == 400)
    }

    @Test func turkishTextSurvives() throws {
        let request = CreateSmsRequest(recipients: .single("905551234567"), sender: "BAŞLIK", title: "İYS", content: "ğüşıöç İĞÜŞÖÇ € 😀 \"/\\")
        let bytes = try NodeAPIJSON.encodeRequest(request)
        #expect(String(decoding: bytes, as: UTF8.self).contains("ğüşıöç İĞÜŞÖÇ"))
        #expect(try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: bytes) == request)
    }

    /// The document's contact İYS keys are `c` and `spc`; the earlier guess `rt`/`src` is read as an alias (issue 12, item 8).
    @Test func contactIYSKeysAndTheirAliases() throws {
        let documented = try NodeAPIJSON.decodeRequest(CreateContactRequest.self, from: Array(#"{"gsm": "905551230011", "iys": {"c": 1, "spc": 2, "send": true}}"#.utf8))
        let aliased = try NodeAPIJSON.decodeRequest(CreateContactRequest.self, from: Array(#"{"gsm": "905551230011", "iys": {"rt": 1, "src": 2, "send": true}}"#.utf8))
        #expect(documented == aliased)
        #expect(documented.contact.iys?.recipientType == .merchant)
        let text = String(decoding: try NodeAPIJSON.encodeRequest(aliased), as: UTF8.self)
        #expect(text.contains(#""iys":{"c":1,"send":true,"spc":2}"#), "\(text)")
    }

    /// Fields public clients send that the document leaves out are modelled (issue 12, item 3).
    @Test func fieldsSeenInTheWild() throws {
        let body = #"{"type": 1, "sendingType": 1, "title": "T", "sender": "BASLIK", "content": "Merhaba NAME", "customFields": ["NAME"], "numbers": [{"nr": 905551230011, "cfs": {"NAME": "Ahmet"}}, "905551230012"], "skipAhsQuery": true, "gateway": "1b09b8c5-ae80-42af-8779-21a61afd5da1", "recipientType": 1, "commercial": true}"#
        let request = try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: Array(body.utf8))
        #expect(request.recipients == .personalised(fields: ["NAME"], numbers: [
            PersonalisedNumber(nr: "905551230011", cfs: ["NAME": "Ahmet"]), PersonalisedNumber(nr: "905551230012"),
        ]))
        #expect(request.extras == SendingExtras(skipAhsQuery: true, gateway: "1b09b8c5-ae80-42af-8779-21a61afd5da1", recipientType: .merchant))
        #expect(try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: NodeAPIJSON.encodeRequest(request)) == request)
        // cfs without customFields: the names are those given values.
        let implicit = #"{"type": 1, "sendingType": 1, "title": "T", "sender": "BASLIK", "content": "Merhaba AD", "numbers": [{"nr": "905551230011", "cfs": {"AD": "Ali"}}]}"#
        #expect(try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: Array(implicit.utf8)).recipients == .personalised(
            fields: ["AD"], numbers: [PersonalisedNumber(nr: "905551230011", cfs: ["AD": "Ali"])]
        ))
        // Objects with only nr are plain numbers.
        let plain = #"{"type": 1, "sendingType": 1, "title": "T", "sender": "BASLIK", "content": "c", "numbers": [{"nr": "905551230011"}, 905551230012]}"#
        #expect(try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: Array(plain.utf8)).recipients == .oneToMany(["905551230011", "905551230012"]))
        let dynamic = #"{"type": 1, "sendingType": 2, "title": "T", "sender": "BASLIK", "content": "Dinamik Sms", "numbers": [{"nr": "905551230011", "msg": "Sana özel", "xid": "sip-42"}]}"#
        #expect(try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: Array(dynamic.utf8)).recipients == .manyToMany([
            PersonalMessage(nr: "905551230011", msg: "Sana özel", xid: "sip-42"),
        ]))
        let otp = #"{"number": "905551230011", "sender": "BASLIK", "content": "Kod 1234", "skipAhsQuery": "1", "gateway": "1B09B8C5-AE80-42AF-8779-21A61AFD5DA1"}"#
        #expect(try NodeAPIJSON.decodeRequest(CreateOtpRequest.self, from: Array(otp.utf8)).extras.skipAhsQuery == true)
    }

    @Test func wildFieldsKeepTheirRules() {
        let base = #"{"type": 1, "sendingType": 0, "title": "T", "sender": "BASLIK", "content": "c", "number": "905551230011""#
        #expect(error(base + #", "gateway": "ağ-geçidi"}"#)?.message.contains("gateway: must be a gateway uuid") == true)
        #expect(error(base + #", "recipientType": 5}"#)?.message.contains("recipientType") == true)
        #expect(error(base + #", "skipAhsQuery": "belki"}"#)?.message.contains("skipAhsQuery") == true)
    }
}
