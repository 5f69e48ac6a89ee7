import NodeAPI

/// The document's SOAP examples as typed values (OCR fixed, Turkish letters restored).
public enum SOAPExamples {
    public static let content = "Test mesajı içeriğidir, dikkate almayınız. > & abc"
    public static let plainContent = "Test mesajı içeriğidir, dikkate almayınız."
    public static let webhook = PushSettings(url: "https://webhook.site/d1417d5d-c123-4e85-bdde-8b5201463be2")
    public static let once = PeriodicSettings(periodType: .once, interval: 1, amount: 1000)

    public static let sendOtp = CreateOtpRequest(number: "905511034554", sender: "BASLIK", content: content, encoding: .turkish)

    public static let sendSmsSingle = CreateSmsRequest(
        type: .normal, recipients: .single("905511034554"), sender: "BASLIK", title: "Test message", content: content,
        encoding: .turkish, validity: 60
    )

    public static let sendSmsOneToMany = CreateSmsRequest(
        type: .normal, recipients: .oneToMany(["905511034554", "905433404971"]), sender: "BASLIK", title: "Test message",
        content: plainContent, encoding: .turkish, validity: 60, periodicSettings: once, pushSettings: webhook
    )

    public static let sendSmsManyToMany = CreateSmsRequest(
        type: .normal,
        recipients: .manyToMany([
            PersonalMessage(nr: "905511034554", msg: "A kişisine özel mesaj."),
            PersonalMessage(nr: "905433404971", msg: "B kişisine özel mesaj."),
        ]),
        sender: "BASLIK", title: "Test message", content: plainContent, encoding: .turkish, validity: 60,
        periodicSettings: once, pushSettings: webhook
    )

    public static let getSmsPackages = ListSmsRequest(ids: [111095, 111094, 111093, 111092])

    public static let getSmsPackagesReply: Page<SmsPackageSummary> = {
        func package(_ id: Int, _ uuid: String, _ content: String, count: Int, undelivered: Int, date: String, customID: String? = nil) -> SmsPackageSummary {
            SmsPackageSummary(
                id: id, customID: customID, type: .normal, uuid: uuid, state: .complete, title: "Test message", content: content,
                senders: ["BASLIK"], encoding: .turkish, validity: 60,
                statistics: .init(total: count, credit: count, rCount: count, delivered: 1, undelivered: undelivered),
                isScheduled: 0, sendingDate: WireDate(date)
            )
        }
        return Page(totalRecord: 4, list: [
            package(111095, "5a77cb24-b1ea-47b5-8fac-6e225425797b", plainContent, count: 2, undelivered: 1, date: "2021-05-17T18:29:20"),
            package(111094, "059b504c-bea9-4085-bc89-2648a5347059", plainContent, count: 2, undelivered: 1, date: "2021-05-17T18:17:32"),
            package(111093, "d6643b1f-f24b-483d-a549-bc77c2336ec6", content, count: 1, undelivered: 0, date: "2021-05-17T18:10:49"),
            package(111092, "83174f82-3da3-4498-9b92-8980181321e1", content, count: 1, undelivered: 0, date: "2021-05-17T17:55:00"),
        ])
    }()

    public static let getSmsPackageItems = ListSmsItemsRequest(package: .id(111095))

    public static let getSmsPackageItemsReply = Page(totalRecord: 2, list: [
        PackageItem(
            id: "12345678910", msg: "B kişisine özel mesaj.", error: "0", credit: 1, state: .undelivered, sender: "BASLIK",
            target: "905433404971", setState: 4, sendingDate: WireDate("2021-05-17T18:29:20"), deliveryDate: nil,
            processingDate: WireDate("2021-05-17T18:29:21.657614")
        ),
        PackageItem(
            id: "12345678911", msg: "A kişisine özel mesaj.", credit: 1, state: .delivered, sender: "BASLIK",
            target: "905511034554", setState: 4, sendingDate: WireDate("2021-05-17T18:29:20"),
            deliveryDate: WireDate("2021-05-17T18:29:25"), processingDate: WireDate("2021-05-17T18:29:21.657614")
        ),
    ])

    public static let getSmsSenders = ListSendersRequest()
    public static let getSmsSendersReply = Page(totalRecord: 4, list: [Sender(uuid: "5a77cb24-b1ea-47b5-8fac-6e225425797b", status: .approved, title: "TEST")])

    public static let cancelSmsPackage = CancelSmsRequest(package: .id(123456))
    public static let getUserCredit = UserCreditRequest()

    /// Golden file name → expected request, for the request examples.
    public static let requests: [(file: String, request: any NodeAPIRequest, password: String)] = [
        ("sendOtp.request", sendOtp, "123456"),
        ("sendSms-single.request", sendSmsSingle, "123456"),
        ("sendSms-1toN.request", sendSmsOneToMany, "123456"),
        ("sendSms-NtoN.request", sendSmsManyToMany, "123456"),
        ("getSmsPackages.request", getSmsPackages, "123456"),
        ("getSmsPackageItems.request", getSmsPackageItems, "123qwe"),
        ("getSmsSenders.request", getSmsSenders, "123456"),
        ("cancelSmsPackage.request", cancelSmsPackage, "123456"),
        ("getUserCredit.request", getUserCredit, "123456"),
    ]
}
