import NodeAPI

/// The document's JSON examples as typed values, keyed by golden file name.
public enum JSONExamples {
    static let u1 = "5a77cb24-b1ea-47b5-8fac-6e225425797b"
    static let u2 = "27823900-c76d-4363-a319-6fb65a570d2b"
    static let contactUUID = "3b05cbbb-bcc4-470c-a4c2-3ea8900dd088"
    static let hook = PushSettings(url: "https://example.com/hooks/sms")
    static let start = WireDate("2020-12-25 12:00")
    static let finish = WireDate("2020-12-26 12:00")

    public static let requests: [(file: String, request: any NodeAPIRequest)] = [
        ("sms-create.request", CreateSmsRequest(
            type: .normal, recipients: .single("905591234567"), sender: "ALFANUMERIK BASLIK", title: "Paket başlığı",
            content: "Tekil sms gönderim testi.", encoding: .gsm7, validity: 360, sendingDate: start,
            periodicSettings: PeriodicSettings(periodType: .yearly, interval: 1, amount: 1000), pushSettings: hook,
            commercial: false, customID: "a1b2c3"
        )),
        ("sms-create-1toN.request", CreateSmsRequest(
            recipients: .oneToMany(["905591234567", "905591234568"]), sender: "ALFANUMERIK BASLIK", title: "Paket başlığı",
            content: "Çoklu sms gönderim testi.", encoding: .turkish
        )),
        ("sms-create-NtoN.request", CreateSmsRequest(
            recipients: .manyToMany([
                PersonalMessage(nr: "905591234567", msg: "A kişisine özel mesaj"),
                PersonalMessage(nr: "905591234568", msg: "B kişisine özel mesaj"),
            ]),
            sender: "ALFANUMERIK BASLIK", title: "Paket başlığı", content: nil, encoding: .unicode
        )),
        ("sms-create-otp.request", CreateOtpRequest(
            number: "905591234567", sender: "ALFANUMERIK BASLIK", content: "Doğrulama kodunuz: 123456", encoding: .gsm7,
            validity: 5, pushSettings: hook, commercial: false, customID: "a1b2c3", trustDate: WireDate("2020-12-25 12:00:00")
        )),
        ("sms-create-kvkk.request", CreateKvkkRequest(
            number: .init(nr: "905591234567", cfs: ["FIRST_NAME": "Alıcı ismi", "LAST_NAME": "Alıcı soyismi"]),
            sender: "ALFANUMERIK BASLIK",
            content: "Merhaba FIRST_NAME LAST_NAME, bu bir test mesajıdır, İYS kapsamındaki KVKK izin linki SHORT_LINK.",
            encoding: .gsm7, pushSettings: hook
        )),
        ("sms-list.request", ListSmsRequest(
            ids: [123, 456], customIDs: ["a1b2c3", "x4y5z6"], keyword: "test", sender: "BASLIK", status: .completed,
            startDate: start, finishDate: finish, paging: Paging(pageIndex: 0, pageSize: 10)
        )),
        ("sms-list-item.request", ListSmsItemsRequest(
            package: .id(222962), target: "905511034554", operator: .turkcell, state: .delivered, paging: Paging(pageIndex: 0, pageSize: 100)
        )),
        ("sms-list-sender.request", ListSendersRequest(keyword: "TEST", status: .approved, paging: Paging(pageIndex: 0, pageSize: 10))),
        ("sms-cancel.request", CancelSmsRequest(package: .customID("a1b2c3"))),
        ("sms-recreate.request", RecreateSmsRequest(package: .id(222962), title: "Paket başlığı", includeNewNumbers: true)),
        ("sms-summary.request", SmsSummaryRequest(startDate: start, finishDate: finish)),
        ("sms-inquiry-number.request", InquiryNumberRequest(
            gsm: "905991234567", sender: "TEST", startDate: WireDate("2024-04-04 00:00"), finishDate: WireDate("2024-06-04 00:00")
        )),
        ("contact-create.request", CreateContactRequest(contact: ContactFields(
            gsm: "905001234567", firstName: "Zafer", lastName: "Altun", groupUUIDs: [u1], isInBlacklist: false,
            details: ["GSM_2": "905001234561"], iys: ContactIysSettings(recipientType: .individual, source: .hsWeb, send: true, queryCall: false, queryEmail: false)
        ))),
        ("contact-update.request", UpdateContactRequest(uuid: contactUUID, contact: ContactFields(
            gsm: "905001234567", firstName: "Zafer", lastName: "Altun", iys: ContactIysSettings(send: true)
        ))),
        ("contact-delete.request", DeleteContactsRequest(uuids: [contactUUID], permanent: 0, groupUUID: u1)),
        ("contact-import.request", ImportContactsRequest(
            csvData: "'GSM','GROUP_NAME'\n'905991000000','A Grubu'\n'905991000002','A Grubu'\n'905991000003','B Grubu'",
            columns: ["gsm", "group_name"], overwrite: false, isInBlacklist: false, groupUUIDs: [u2]
        )),
        ("contact-list.request", ListContactsRequest(status: .whiteList, iysState: .accepted, exitType: .mo, groupUUID: u1, paging: Paging(pageIndex: 0, pageSize: 10))),
        ("contact-create-group.request", CreateGroupRequest(title: "Rehber Grubu 1", gsms: ["5591234561", "5591234562"])),
        ("contact-update-group.request", UpdateGroupRequest(uuid: contactUUID, title: "Rehber Grubu 2", parentUUID: u1)),
        ("contact-delete-group.request", DeleteGroupsRequest(target: .uuids([contactUUID, u1]), includeContacts: true)),
        ("contact-list-group.request", ListGroupsRequest(keyword: "Grubu", parentUUID: u1, paging: Paging(pageIndex: 0, pageSize: 10))),
        ("contact-set-blacklist.request", SetBlacklistRequest(status: true, uuids: [u2], gsms: ["905991000001", "905991000002"], returnInvalids: true)),
        ("mo-list-request.request", ListMoRequestsRequest(keyword: "RED", startDate: start, finishDate: finish, paging: Paging(pageIndex: 0, pageSize: 10))),
        ("user-credit.request", UserCreditRequest()),
        // Not in the document: what public clients send (nac-sms `gateways()` and `getMo(startDate, finishDate)`).
        ("sms-list-gateway.request", ListGatewaysRequest()),
        ("sms-get-mo.request", GetMoRequest(startDate: start, finishDate: finish)),
    ]

    static let contact = Contact(
        uuid: contactUUID, firstName: "Zafer", lastName: "Altun", gsm: "905001234567", details: ["GSM_2": "905001234561"],
        isInBlacklist: 0, iys: Contact.Iys(st: .accepted, recipientType: .individual, source: .hsWeb)
    )

    /// Golden reply file name → operation and expected reply, type-erased as a check to run.
    public static let replies: [(file: String, operation: NodeAPIOperation, expected: any ReplyExpectation)] = [
        ("sms-create.reply", .createSms, Expect(PackageCreated(pkgID: 222962))),
        ("sms-create-otp.reply", .createOtp, Expect(PackageCreated(pkgID: 222961))),
        ("sms-create-kvkk.reply", .createKvkk, Expect(PackageCreated(pkgID: 222961))),
        ("sms-list.reply", .listSms, Expect(Page(totalRecord: 123456, list: [SmsPackageSummary(
            id: 1001, type: .normal, uuid: "1b09b8c5-ae80-42af-8779-21a61afd5da1", state: .complete, title: "xxx tarihli gönderim",
            content: "Test mesajıdır, lütfen dikkate almayınız.", senders: ["BASLIK"], encoding: .gsm7, validity: 60,
            statistics: .init(total: 1, credit: 1, rCount: 1, delivered: 1, undelivered: 0), isScheduled: 0, sendingDate: WireDate("2021-05-04T01:38:20")
        )]))),
        ("sms-list-item.reply", .listSmsItems, Expect(Page(totalRecord: 1, list: [PackageItem(
            id: "12345678910", credit: 1, state: .delivered, sender: "BASLIK", target: "905511034554", setState: 4,
            sendingDate: WireDate("2021-05-04T01:38:20"), deliveryDate: WireDate("2021-05-04T01:38:26"), processingDate: WireDate("2021-05-04T01:38:22.25607")
        )]))),
        ("sms-list-sender.reply", .listSenders, Expect(Page(totalRecord: 3, list: [Sender(uuid: "1b09b8c5-ae80-42af-8779-21a61afd5da1", status: .approved, title: "TEST")]))),
        ("sms-cancel.reply", .cancelSms, Expect(StatusReply(status: 1))),
        ("sms-recreate.reply", .recreateSms, Expect(PackageCreated(pkgID: 222963))),
        ("sms-summary.reply", .smsSummary, Expect(SmsSummary(total: 123, delivered: 89, undelivered: 21, pending: 22, rCount: 123, credit: 123))),
        ("sms-inquiry-number.reply", .inquiryNumber, Expect(Page(totalRecord: 3, list: [NumberInquiryRecord(
            userUUID: contactUUID, username: "testuser", sender: "TEST", encoding: .gsm7, validity: 60, sendingDate: WireDate("2024-05-04T01:38:20"),
            pkgID: 6231234, pkgType: .normal, state: .delivered, msg: "Test mesajıdır.", operator: .netgsm, deliveryDate: WireDate("2024-05-04T01:38:24")
        )]))),
        ("contact-create.reply", .createContact, Expect(contact)),
        ("contact-update.reply", .updateContact, Expect(StatusReply())),
        ("contact-delete.reply", .deleteContacts, Expect(StatusReply())),
        ("contact-import.reply", .importContacts, Expect(StatusReply())),
        ("contact-list.reply", .listContacts, Expect(Page(totalRecord: 3, list: [Contact(
            uuid: contactUUID, firstName: "Zafer", lastName: "Altun", gsm: "905001234567", details: ["GSM_2": "905001234561"], iys: Contact.Iys(st: .accepted)
        )]))),
        ("contact-create-group.reply", .createGroup, Expect(ContactGroup(uuid: contactUUID, title: "Rehber Grubu 1", stats: .init(contactCount: 2)))),
        ("contact-update-group.reply", .updateGroup, Expect(StatusReply())),
        ("contact-delete-group.reply", .deleteGroups, Expect(StatusReply())),
        ("contact-list-group.reply", .listGroups, Expect(Page(totalRecord: 5, list: [ContactGroup(
            uuid: "661ab1c8-ec0a-4adc-8148-369bfba1d509", title: "A Grubu", stats: .init(contactCount: 2), isParent: 0, isShared: 0
        )]))),
        ("contact-set-blacklist.reply", .setBlacklist, Expect(BlacklistReply(status: 1))),
        ("mo-list-request.reply", .listMoRequests, Expect(Page(totalRecord: 3, list: [MoRequest(
            uuid: "1b09b8c5-ae80-42af-8779-21a61afd5da1", gsm: "905591234567", msg: "RED mesaj almak istemiyorum", state: .complete,
            keyword: "RED", shortNr: "2222", userInfo: .init(uuid: contactUUID, username: "testuser"),
            processInfo: .init(processingDate: WireDate("2020-12-25T12:00:05"), blacklisted: 1)
        )]))),
        ("user-credit.reply", .userCredit, Expect(UserCredit(credit: 316807))),
        // Not in the document: a gateway as a .NET client reads it, and MO messages in /mo/list-request's shape.
        ("sms-list-gateway.reply", .listGateways, Expect(Page(totalRecord: 1, list: [Gateway(
            uuid: u1, smsType: 1, operator: 0, subProvider: 0, isOTP: false, simChangeControl: false
        )]))),
        ("sms-get-mo.reply", .getMo, Expect(Page(totalRecord: 1, list: [MoRequest(
            uuid: "1b09b8c5-ae80-42af-8779-21a61afd5da1", gsm: "905591234567", msg: "Randevumu onaylıyorum", state: .noMatch,
            shortNr: "2222", userInfo: .init(uuid: contactUUID, username: "testuser"),
            processInfo: .init(processingDate: WireDate("2020-12-25T12:00:05"), blacklisted: 0)
        )]))),
    ]
}

/// A typed reply expectation that a test can run without knowing its payload type.
public protocol ReplyExpectation: Sendable {
    associatedtype Payload: Codable & Sendable & Hashable
    var payload: Payload { get }
}

public struct Expect<Payload: Codable & Sendable & Hashable>: ReplyExpectation {
    public let payload: Payload
    public init(_ payload: Payload) { self.payload = payload }
}
