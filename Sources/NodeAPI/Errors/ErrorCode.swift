/// Every error the Node API can answer with: the document's catalogue (`SMS00`–`SMS99`) and the
/// names seen in the wild that the document does not number.
///
/// This is the one table of errors (see ``ErrorCode/catalogue``): wire name, document number,
/// HTTP status and Turkish message live here and nowhere else.
public enum ErrorCode: String, Sendable, CaseIterable, Codable {
    case sms00, sms01, sms02, sms03, sms04, sms05, sms06, sms07, sms08, sms09
    case sms10, sms11, sms12, sms13, sms14, sms15, sms16, sms17, sms18, sms19
    case sms20, sms21, sms22, sms23, sms24, sms25, sms26, sms27, sms28, sms29
    case sms30, sms31, sms32, sms33, sms42, sms43, sms44, sms50, sms99
    case invalidParam, unauthorizedRequest, invalidSmsSender, emptySmsPackage, smsPackageDuplication
    case smsPackageCreatingFailed, notFound, internalServer, dailyRequestLimit, concurrentRequestLimit

    /// One row of the catalogue.
    public struct Entry: Sendable, Equatable {
        /// The document's number (`SMS18`), or `nil` for names only seen in the wild.
        public let number: String?
        /// The wire name carried in `err.code` (`ERR_USER_CREDIT_REQUIRED`).
        public let name: String
        /// The HTTP status the provider answers with (and `err.status`).
        public let status: Int
        /// The Turkish message carried in `err.message`.
        public let message: String
    }

    /// The catalogue. Statuses follow `shared/spec/NOTES.md`: 400 bad request or parameter, 401 wrong
    /// credentials, 403 not authorised, 404 not found, 409 already exists or duplicate, 417 credit
    /// required, 429 limits, 503 maintenance, 500 internal.
    public var entry: Entry {
        switch self {
        case .sms00: Entry(number: "SMS00", name: "ERR_BAD_REQUEST", status: 400, message: "Hatalı istek, gereken şartlar yerine getirilmemiş veya illegal bir istekte bulunuluyor.")
        case .sms01: Entry(number: "SMS01", name: "ERR_USER_NOT_AUTHORIZED", status: 403, message: "Kullanıcının bu işlemi yapmaya yetkisi yok.")
        case .sms02: Entry(number: "SMS02", name: "ERR_BLACKLIST_RECORD_ALREADY_EXISTS", status: 409, message: "Bu kayıt global karalistede zaten var.")
        case .sms03: Entry(number: "SMS03", name: "ERR_PARENT_USER_NOT_FOUND", status: 404, message: "Üst kullanıcı bulunamadı.")
        case .sms04: Entry(number: "SMS04", name: "ERR_USER_ALREADY_EXISTS", status: 409, message: "Belirtilen kullanıcı adına sahip bir kullanıcı zaten mevcut.")
        case .sms05: Entry(number: "SMS05", name: "ERR_INVALID_PRICING_PLAN", status: 400, message: "Fiyat planı geçersiz.")
        case .sms06: Entry(number: "SMS06", name: "ERR_SMS_PKG_NOT_FOUND", status: 404, message: "Sms paketi mevcut değil.")
        case .sms07: Entry(number: "SMS07", name: "ERR_SMS_PKG_NOT_CHANGEABLE", status: 409, message: "Sms durumu değiştirilebilir pozisyonda değil.")
        case .sms08: Entry(number: "SMS08", name: "ERR_INVALID_SMS_SENDING_DATE", status: 400, message: "Sms gönderim tarihi geçersiz ya da mevcut zamandan daha eski.")
        case .sms09: Entry(number: "SMS09", name: "ERR_CONTACT_GROUP_ALREADY_EXISTS", status: 409, message: "Belirtilen bilgilerde bir rehber grubu zaten mevcut.")
        case .sms10: Entry(number: "SMS10", name: "ERR_PARENT_CONTACT_GROUP_NOT_FOUND", status: 404, message: "Rehber grubu mevcut değil.")
        case .sms11: Entry(number: "SMS11", name: "ERR_PARENT_CONTACT_GROUP_NOT_EMPTY", status: 409, message: "Hedef rehber grubu üst grup olamaz, bir içeriğe sahip.")
        case .sms12: Entry(number: "SMS12", name: "ERR_CONTACT_ALREADY_EXISTS", status: 409, message: "Belirtilen gsm numarasıyla kayıtlı bir kişi zaten rehberde mevcut.")
        case .sms13: Entry(number: "SMS13", name: "ERR_CONTACT_IMPORT_EXISTS", status: 409, message: "Henüz işleme alınmamış bir rehber içe aktarım talebi zaten var.")
        case .sms14: Entry(number: "SMS14", name: "ERR_FILE_NOT_FOUND", status: 404, message: "Dosya bulunamadı.")
        case .sms15: Entry(number: "SMS15", name: "ERR_CONTACT_IMPORT_FAILED", status: 500, message: "Rehberde kişileri içeri aktarma işlemi başarısız.")
        case .sms16: Entry(number: "SMS16", name: "ERR_USER_NOT_FOUND", status: 404, message: "Kullanıcı bulunamadı.")
        case .sms17: Entry(number: "SMS17", name: "ERR_CREDIT_PLAN_NOT_FOUND", status: 404, message: "Kredi planı mevcut değil.")
        case .sms18: Entry(number: "SMS18", name: "ERR_USER_CREDIT_REQUIRED", status: 417, message: "Kullanıcı yeterli krediye sahip değil.")
        case .sms19: Entry(number: "SMS19", name: "ERR_PROMOTION_NOT_FOUND", status: 404, message: "Promosyon mevcut değil.")
        case .sms20: Entry(number: "SMS20", name: "ERR_ALLOWANCE_ALREADY_EXISTS", status: 409, message: "Hakediş daha önce zaten oluşturulmuş.")
        case .sms21: Entry(number: "SMS21", name: "ERR_ALLOWANCE_NOT_PERMITTED", status: 403, message: "Hakedişi oluşturmak için gerekli şartlar mevcut değil.")
        case .sms22: Entry(number: "SMS22", name: "ERR_ALLOWANCE_NOT_APPLICABLE", status: 400, message: "Hedef kullanıcıya hakediş uygulanabilir değil.")
        case .sms23: Entry(number: "SMS23", name: "ERR_SPAM_FILTER_ALREADY_EXISTS", status: 409, message: "Sms spam filtresi zaten mevcut.")
        case .sms24: Entry(number: "SMS24", name: "ERR_MO_ALREADY_EXISTS", status: 409, message: "MO kısa numara tanımı zaten mevcut.")
        case .sms25: Entry(number: "SMS25", name: "ERR_MO_KEYWORD_ALREADY_EXISTS", status: 409, message: "MO anahtar kelime tanımı zaten mevcut.")
        case .sms26: Entry(number: "SMS26", name: "ERR_MO_NOT_FOUND", status: 404, message: "MO kısa numara mevcut değil.")
        case .sms27: Entry(number: "SMS27", name: "ERR_SENDER_ALREADY_EXISTS", status: 409, message: "Sms gönderim başlığı zaten mevcut.")
        case .sms28: Entry(number: "SMS28", name: "ERR_PARENT_USER_CREDIT_REQUIRED", status: 417, message: "Üst kullanıcı kredisi yetersiz.")
        case .sms29: Entry(number: "SMS29", name: "ERR_USER_CREDIT_DECREASING_LIMITED", status: 400, message: "Kullanıcı kredisini azaltma sınırlı.")
        case .sms30: Entry(number: "SMS30", name: "ERR_USER_IYS_SETTINGS_NOT_FOUND", status: 404, message: "Kullanıcı İYS tanımları mevcut değil.")
        case .sms31: Entry(number: "SMS31", name: "ERR_INVALID_DATE_RANGE", status: 400, message: "Geçersiz tarih aralığı.")
        case .sms32: Entry(number: "SMS32", name: "ERR_API_USER_ALREADY_EXISTS", status: 409, message: "Aynı kullanıcı adına sahip API kullanıcısı zaten mevcut.")
        case .sms33: Entry(number: "SMS33", name: "ERR_CREDIT_PLAN_UNIT_PRICE_LIMIT", status: 400, message: "Tanımlanan birim fiyat, kullanıcıya atanmış birim fiyattan az olamaz.")
        case .sms42: Entry(number: "SMS42", name: "ERR_SMS_PKG_CUSTOM_ID_DUPLICATION", status: 409, message: "Belirtilen özel id ile daha önce oluşturulmuş bir sms paketi sistemde zaten mevcut.")
        case .sms43: Entry(number: "SMS43", name: "ERR_REQUEST_PARAM_LIMIT", status: 400, message: "Parametrelerden birindeki öğe sayısı izin verilen değerin üzerinde.")
        case .sms44: Entry(number: "SMS44", name: "ERR_SMS_SENDING_TIME_LIMIT", status: 429, message: "SMS gönderimi için sistem genelinden saat kısıtı konfigüre edilmiş.")
        case .sms50: Entry(number: "SMS50", name: "ERR_MULTI_REQUEST_NOT_PERMITTED", status: 429, message: "İlgili fonksiyon için eş zamanlı isteğe izin verilmiyor, mevcut isteğin sonlanması beklenmeli.")
        case .sms99: Entry(number: "SMS99", name: "ERR_SYSTEM_MAINTENANCE", status: 503, message: "Sistem bakım modunda, daha sonra tekrar denenmeli.")
        case .invalidParam: Entry(number: nil, name: "ERR_INVALID_PARAM", status: 400, message: "Geçersiz parametre.")
        case .unauthorizedRequest: Entry(number: nil, name: "ERR_UNAUTHORIZED_REQUEST", status: 401, message: "Kullanıcı adı veya şifre hatalı.")
        case .invalidSmsSender: Entry(number: nil, name: "ERR_INVALID_SMS_SENDER", status: 400, message: "Gönderici başlığı geçersiz veya onaylı değil.")
        case .emptySmsPackage: Entry(number: nil, name: "ERR_EMPTY_SMS_PACKAGE", status: 400, message: "Pakette gönderilebilecek geçerli bir numara yok.")
        case .smsPackageDuplication: Entry(number: nil, name: "ERR_SMS_PKG_DUPLICATION", status: 409, message: "Aynı içerik son 30 dakika içinde aynı numaralara zaten gönderilmiş.")
        case .smsPackageCreatingFailed: Entry(number: nil, name: "ERR_SMS_PKG_CREATING_FAILED", status: 500, message: "Sms paketi oluşturulamadı.")
        case .notFound: Entry(number: nil, name: "ERR_NOT_FOUND", status: 404, message: "İstenen kaynak bulunamadı.")
        case .internalServer: Entry(number: nil, name: "ERR_INTERNAL_SERVER", status: 500, message: "Sunucu hatası.")
        case .dailyRequestLimit: Entry(number: nil, name: "ERR_DAILY_REQUEST_LIMIT", status: 429, message: "Günlük istek sınırı aşıldı.")
        case .concurrentRequestLimit: Entry(number: nil, name: "ERR_CONCURRENT_REQUEST_LIMIT", status: 429, message: "Eş zamanlı istek sınırı aşıldı.")
        }
    }

    /// Whether the document numbers this error (`SMS00`–`SMS99`); the others are seen in the wild.
    public var isDocumented: Bool { entry.number != nil }

    /// The whole catalogue, in document order followed by the names seen in the wild.
    public static var catalogue: [Entry] { allCases.map(\.entry) }

    private static let byName: [String: ErrorCode] = {
        var table: [String: ErrorCode] = [:]
        for code in allCases {
            table[code.entry.name] = code
            if let number = code.entry.number { table[number] = code }
        }
        return table
    }()

    /// Looks a code up by its wire name (`ERR_SMS_PKG_NOT_FOUND`) or document number (`SMS06`).
    public init?(wireName: String) {
        guard let code = Self.byName[wireName.uppercased()] else { return nil }
        self = code
    }
}
