/// A string constant of the MySoft İYS wire: decoding an unknown value is an error that lists the known ones.
public protocol IYSWireEnum: RawRepresentable<String>, CaseIterable, Codable, Sendable, Hashable {}

extension IYSWireEnum {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))"
            ))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// `recipientType`: an individual citizen or a merchant (merchants need no consent date).
public enum RecipientType: String, IYSWireEnum {
    case individual = "BIREYSEL"
    case merchant = "TACIR"
}

/// `type`: the channel a consent is for.
public enum ConsentChannel: String, IYSWireEnum {
    case call = "ARAMA"
    case message = "MESAJ"
    case email = "EPOSTA"
}

/// `status`: consent given or refused.
public enum ConsentStatus: String, IYSWireEnum {
    case approved = "ONAY"
    case rejected = "RET"
}

/// `source`: where the consent was obtained. `HS_*` sources are the brand's (accepted when sending);
/// `IYS_*` ones are changes made on İYS itself and appear only in webhooks and the query (since 2.10).
public enum ConsentSource: String, IYSWireEnum {
    case physical = "HS_FIZIKSEL_ORTAM"
    case wetSignature = "HS_ISLAK_IMZA"
    case web = "HS_WEB"
    case callCentre = "HS_CAGRI_MERKEZI"
    case socialMedia = "HS_SOSYAL_MEDYA"
    case email = "HS_EPOSTA"
    case message = "HS_MESAJ"
    case mobile = "HS_MOBIL"
    case electronic = "HS_EORTAM"
    case event = "HS_ETKINLIK"
    case before2015 = "HS_2015"
    case atm = "HS_ATM"
    case iys3338 = "IYS_3338"
    case iysCallCentre = "IYS_CM"
    case iysWeb = "IYS_WEB"
    case iysMobile = "IYS_MOBIL"
    case iysShortLink = "IYS_KISA_LINK"

    /// Whether the change was made on İYS itself rather than by the brand.
    public var isIYS: Bool { rawValue.hasPrefix("IYS_") }
    public var mainSource: MainSource { isIYS ? .iys : .brand }
}

/// `mainSource` of the consent query: every `HS_*` or every `IYS_*` source.
public enum MainSource: String, IYSWireEnum {
    case brand = "HS"
    case iys = "IYS"
}

/// `iysSendStatus`: how far forwarding a record to İYS has got.
public enum IYSSendStatus: Int, Codable, Sendable, Hashable, CaseIterable {
    case sending = 15
    case sent = 11
    case waitingForIYS = 13
    case failed = 18

    /// `iysSendStatusText`, in the document's Turkish.
    public var text: String {
        switch self {
        case .sending: "IYS'ye gönderiliyor"
        case .sent: "IYS'ye gönderildi"
        case .waitingForIYS: "IYS'den cevap bekleniyor"
        case .failed: "IYS kaydı başarısız"
        }
    }

    public var isFinal: Bool { self == .sent || self == .failed }
}
