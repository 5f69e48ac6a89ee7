import NodeAPI
import Testing

/// The document's field rules, shared by every side: each violation is the catalogue's error naming the field.
@Suite struct FieldRuleTests {
    private func sms(_ change: (inout CreateSmsRequest) -> Void) -> CreateSmsRequest {
        var request = CreateSmsRequest(recipients: .single("905551234567"), sender: "BASLIK", title: "Başlık", content: "Merhaba")
        change(&request)
        return request
    }

    private func error(_ body: () throws -> Void) -> NodeAPIError? {
        do {
            try body()
            return nil
        } catch let error as NodeAPIError {
            return error
        } catch {
            Issue.record("not a NodeAPIError: \(error)")
            return nil
        }
    }

    @Test func validRequestPasses() throws {
        try sms { _ in }.validate()
    }

    @Test func validityRanges() {
        #expect(error { try sms { $0.validity = 60 }.validate() } == nil)
        #expect(error { try sms { $0.validity = 1440 }.validate() } == nil)
        #expect(error { try sms { $0.validity = 5 }.validate() }?.message.contains("validity") == true)
        #expect(error { try sms { $0.validity = 1441 }.validate() }?.code == "ERR_INVALID_PARAM")
        let otp = CreateOtpRequest(number: "905551234567", sender: "BASLIK", content: "Kod: 1234", validity: 3)
        #expect(error { try otp.validate() } == nil)
        var long = otp
        long.validity = 7
        #expect(error { try long.validate() }?.message.contains("between 3 and 6") == true)
    }

    @Test func customIDCharsetAndLength() {
        #expect(error { try FieldRules.checkCustomID(String(repeating: "a", count: 100)) } == nil)
        #expect(error { try FieldRules.checkCustomID("A-1.b") } == nil)
        #expect(error { try FieldRules.checkCustomID(String(repeating: "a", count: 101)) }?.message.contains("customID") == true)
        #expect(error { try FieldRules.checkCustomID("a_b") }?.message.contains("may hold only letters (ğüşıöçİ too), the digits 0-9, '-' and '.'; '_' is none of them") == true)
        // Issue 11: the document says "harf", letters: Turkish ones are letters, and the limit counts characters.
        #expect(error { try FieldRules.checkCustomID("sipariş-İğdır.7") } == nil)
        #expect(error { try FieldRules.checkCustomID(String(repeating: "ş", count: 100)) } == nil)
        #expect(error { try FieldRules.checkCustomID(String(repeating: "ş", count: 101)) } != nil)
        #expect(error { try FieldRules.checkCustomID("sipariş🙂") } != nil)
        #expect(error { try sms { $0.customID = "a b" }.validate() }?.message.contains("customID") == true)
    }

    @Test func pageSizeBounds() {
        #expect(error { try ListSmsRequest(paging: Paging(pageSize: 10)).validate() } == nil)
        #expect(error { try ListSmsRequest(paging: Paging(pageSize: 1000)).validate() } == nil)
        #expect(error { try ListSmsRequest(paging: Paging(pageSize: 9)).validate() }?.message.contains("pageSize") == true)
        #expect(error { try ListSendersRequest(paging: Paging(pageSize: 1001)).validate() }?.message.contains("pageSize") == true)
        #expect(error { try ListContactsRequest(paging: Paging(pageIndex: -1)).validate() }?.message.contains("pageIndex") == true)
    }

    @Test func dateFormatsAndRanges() {
        let start = WireDate("2024-01-01 00:00")
        #expect(error { try SmsSummaryRequest(startDate: start, finishDate: WireDate("2023-12-31 23:59")).validate() }?.code == "ERR_INVALID_DATE_RANGE")
        #expect(error { try SmsSummaryRequest(startDate: WireDate("2024-01-01 00:00:00")).validate() }?.message.contains("startDate") == true)
        let inquiry = InquiryNumberRequest(gsm: "905551234567", startDate: start, finishDate: WireDate("2024-04-01 00:00"))
        #expect(error { try inquiry.validate() } == nil)
        var tooLong = inquiry
        tooLong.finishDate = WireDate("2024-04-01 00:01")
        #expect(error { try tooLong.validate() }?.code == "ERR_INVALID_DATE_RANGE")
        let otp = CreateOtpRequest(number: "905551234567", sender: "B", content: "c", trustDate: WireDate("2020-12-25 12:00"))
        #expect(error { try otp.validate() }?.message.contains("trustDate: must be written yyyy-MM-dd HH:mm:ss") == true)
    }

    @Test func sendingDateInThePastIsSMS08() {
        let request = sms { $0.sendingDate = WireDate("2024-05-01 10:00") }
        #expect(error { try request.validate(now: WireDate("2024-05-01T09:59:59")) } == nil)
        #expect(error { try request.validate(now: WireDate("2024-05-01T10:01:00")) }?.code == "ERR_INVALID_SMS_SENDING_DATE")
    }

    @Test func recipientsAndContent() {
        #expect(error { try sms { $0.recipients = .oneToMany([]) }.validate() }?.message.contains("numbers") == true)
        #expect(error { try sms { $0.recipients = .single("12345") }.validate() }?.message.contains("number: '12345'") == true)
        #expect(error { try sms { $0.content = "  " }.validate() }?.message.contains("content") == true)
        #expect(error { try sms { $0.recipients = .manyToMany([PersonalMessage(nr: "905551234567", msg: "")]); $0.content = nil }.validate() }?.message.contains("numbers[0].msg") == true)
        #expect(error { try sms { $0.type = .otp }.validate() }?.message.contains("create-otp") == true)
        #expect(error { try sms { $0.pushSettings = PushSettings(url: "ftp://x") }.validate() }?.message.contains("pushSettings.url") == true)
    }

    @Test func periodicSettings() {
        #expect(error { try sms { $0.periodicSettings = PeriodicSettings(periodType: .daily, interval: 1, amount: 2000) }.validate() } == nil)
        #expect(error { try sms { $0.periodicSettings = PeriodicSettings(periodType: .daily, interval: 1, amount: 1500) }.validate() }?.message.contains("amount") == true)
        // interval and amount are the document's for periodType 0 ("periodType 0 iken"); a repeating package needs neither.
        #expect(error { try sms { $0.periodicSettings = PeriodicSettings(periodType: .once, amount: 1000) }.validate() }?.message.contains("interval") == true)
        #expect(error { try sms { $0.periodicSettings = PeriodicSettings(periodType: .once, interval: 5) }.validate() }?.message.contains("amount") == true)
        #expect(error { try sms { $0.periodicSettings = PeriodicSettings(periodType: .weekly) }.validate() } == nil)
    }

    @Test func kvkkNeedsNamesAndTheShortLink() {
        let good = CreateKvkkRequest(number: .init(nr: "905551234567", cfs: ["FIRST_NAME": "Ayşe", "LAST_NAME": "Yılmaz"]), sender: "B", content: "Merhaba FIRST_NAME: SHORT_LINK")
        #expect(error { try good.validate() } == nil)
        var noLink = good
        noLink.content = "Merhaba"
        #expect(error { try noLink.validate() }?.message.contains("SHORT_LINK") == true)
        var noName = good
        noName.number.cfs["LAST_NAME"] = nil
        #expect(error { try noName.validate() }?.message.contains("number.cfs.LAST_NAME") == true)
    }

    @Test func blacklistLimitIsSMS43AndInvalidNumbers() {
        let many = SetBlacklistRequest(status: true, uuids: Array(repeating: "u", count: 600), gsms: Array(repeating: "905551234567", count: 401))
        #expect(error { try many.validate() }?.code == "ERR_REQUEST_PARAM_LIMIT")
        let invalid = SetBlacklistRequest(status: true, gsms: ["905551234567", "123"])
        #expect(error { try invalid.validate() }?.message.contains("gsms[1]") == true)
        var skipping = invalid
        skipping.returnInvalids = true
        #expect(error { try skipping.validate() } == nil)
        #expect(error { try SetBlacklistRequest(status: false).validate() }?.message.contains("uuids|gsms") == true)
    }

    @Test func contactDetailsNames() {
        let bad = CreateContactRequest(contact: ContactFields(gsm: "905551234567", details: ["DOĞUM": "1990"]))
        #expect(error { try bad.validate() }?.message.contains("details.DOĞUM") == true)
    }
}

/// Issue 11, finding 12: everything the mock keeps from a request is bounded, with the field named.
@Suite struct StoredTextLimitTests {
    func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return (error as? NodeAPIError)?.message
        }
    }

    @Test func titlesContentAndContactFieldsHaveLimits() {
        let long = String(repeating: "ğ", count: 256)
        var sms = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: String(repeating: "ğ", count: 255), content: "c")
        #expect(message { try sms.validate() } == nil)
        sms.title = long
        #expect(message { try sms.validate() }?.contains("title: must be at most 255 characters") == true)
        sms.title = "t"
        sms.content = String(repeating: "a", count: 2_001)
        #expect(message { try sms.validate() }?.contains("content: must be at most 2000 characters") == true)
        sms.content = "c"
        sms.pushSettings = PushSettings(url: "http://example.com/" + String(repeating: "a", count: 2_048))
        #expect(message { try sms.validate() }?.contains("pushSettings.url: must be at most 2048 characters") == true)
        #expect(message { try CreateGroupRequest(title: long).validate() }?.contains("title: must be at most 255") == true)
        #expect(message { try UpdateGroupRequest(uuid: "u", title: long).validate() }?.contains("title: must be at most 255") == true)
        #expect(message { try CreateContactRequest(contact: ContactFields(gsm: "905551230011", firstName: long)).validate() }?.contains("firstName") == true)
        let details = Dictionary(uniqueKeysWithValues: (0...100).map { ("F\($0)", "v") })
        #expect(message { try CreateContactRequest(contact: ContactFields(gsm: "905551230011", details: details)).validate() }?.contains("at most 100 fields") == true)
        #expect(message { try CreateContactRequest(contact: ContactFields(gsm: "905551230011", details: ["AD": String(repeating: "x", count: 1_001)])).validate() }?
            .contains("details.AD: must be at most 1000 characters") == true)
    }
}
