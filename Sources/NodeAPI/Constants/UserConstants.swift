/// User type (Kullanıcı Tipleri).
public enum UserType: Int, WireEnum {
    case dealer = 1, subDealer = 2, standard = 3, subUser = 4
    public static let wireName = "user type"
}

/// Customer type of a user (Kullanıcı Müşteri Tipleri).
public enum CustomerType: Int, WireEnum {
    case corporate = 0, individual = 1
    public static let wireName = "customer type"
}
