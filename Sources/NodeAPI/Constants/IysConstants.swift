/// İYS state of a contact (İYS Durumları); the OCR lost the numbers, the order follows the list.
public enum IysState: Int, WireEnum {
    case invalidNumber = -2
    case rejected = -1
    case waiting = 0
    case processing = 1
    case queued = 2
    case accepted = 3
    public static let wireName = "İYS state"
}

/// İYS recipient type (İYS Alıcı Tipleri).
public enum IysRecipientType: Int, WireEnum {
    /// BIREYSEL.
    case individual = 0
    /// TACIR.
    case merchant = 1
    public static let wireName = "İYS recipient type"
}

/// İYS consent source (İYS Kaynak Tipleri), 0–12.
public enum IysSourceType: Int, WireEnum {
    /// HS_2015: recorded as approved before 1 May 2015.
    case hs2015 = 0
    /// HS_KARAR: set to RET by the provider's own decision; not allowed on a first record.
    case hsKarar = 1
    case hsFizikselOrtam = 2
    case hsIslakImza = 3
    case hsEtkinlik = 4
    case hsATM = 5
    case hsEOrtam = 6
    case hsWeb = 7
    case hsMobil = 8
    case hsMesaj = 9
    case hsEposta = 10
    case hsCagriMerkezi = 11
    case hsSosyalMedya = 12
    public static let wireName = "İYS source type"

    /// The İYS name of the source (`HS_WEB`).
    public var iysName: String {
        switch self {
        case .hs2015: "HS_2015"
        case .hsKarar: "HS_KARAR"
        case .hsFizikselOrtam: "HS_FIZIKSEL_ORTAM"
        case .hsIslakImza: "HS_ISLAK_IMZA"
        case .hsEtkinlik: "HS_ETKINLIK"
        case .hsATM: "HS_ATM"
        case .hsEOrtam: "HS_EORTAM"
        case .hsWeb: "HS_WEB"
        case .hsMobil: "HS_MOBIL"
        case .hsMesaj: "HS_MESAJ"
        case .hsEposta: "HS_EPOSTA"
        case .hsCagriMerkezi: "HS_CAGRI_MERKEZI"
        case .hsSosyalMedya: "HS_SOSYAL_MEDYA"
        }
    }
}
