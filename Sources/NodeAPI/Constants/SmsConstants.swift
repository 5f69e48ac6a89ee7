/// Mobile operator (Operatör).
public enum Operator: Int, WireEnum {
    case turkcell = 0, vodafone = 1, turkTelekom = 2, netgsm = 3
    public static let wireName = "operator"
}

/// SMS type (SMS Tipi).
public enum SmsType: Int, WireEnum {
    /// One-time password.
    case otp = 0
    /// Ordinary SMS.
    case normal = 1
    /// SMS with a Turkish identity number (TC no ile sms).
    case withIdentityNumber = 2
    public static let wireName = "SMS type"
}

/// Sending type (Gönderim Türleri): decides the shape of `number` / `numbers`.
public enum SendingType: Int, WireEnum {
    /// One recipient in `number`.
    case single = 0
    /// One text to many recipients: `numbers: [905…, 905…]`.
    case oneToMany = 1
    /// One text per recipient: `numbers: [{"nr": …, "msg": …}]`.
    case manyToMany = 2
    public static let wireName = "sending type"
}

/// Character encoding (Karakter Kodlaması); decides how many characters fit in a segment.
public enum SmsEncoding: Int, WireEnum {
    /// GSM 03.38 default 7-bit alphabet (the document says "Ascii").
    case gsm7 = 0
    /// GSM 7-bit with the Turkish national single shift table.
    case turkish = 1
    /// UCS-2 (the document says "UTF-8").
    case unicode = 2
    public static let wireName = "encoding"
}

/// Period type (Periyod Tipi) of a periodic package.
public enum PeriodType: Int, WireEnum {
    case once = 0, daily = 1, weekly = 2, monthly = 3, yearly = 4
    public static let wireName = "period type"
}
