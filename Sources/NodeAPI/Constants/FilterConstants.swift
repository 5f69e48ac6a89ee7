/// Package report filter of `/sms/list` (Paket Raporu Durum Filtreleri).
public enum PackageFilter: Int, WireEnum {
    case all = 0, queued = 1, processing = 2, scheduled = 3, periodic = 4, completed = 5, cancelled = 6, failed = 7
    public static let wireName = "package filter"
}

/// Contact filter of `/contact/list` (Kişi Filtreleri).
public enum ContactFilter: Int, WireEnum {
    case all = 0, whiteList = 1, blackList = 2
    public static let wireName = "contact filter"
}

/// How a contact left the list (`exitType` of `/contact/list`): the document allows only MO and WEB
/// and prints no numbers; 0 and 1 are this project's decision.
public enum ExitType: Int, WireEnum {
    /// Opted out by SMS (MO).
    case mo = 0
    /// Opted out on the web.
    case web = 1
    public static let wireName = "exit type"
}
