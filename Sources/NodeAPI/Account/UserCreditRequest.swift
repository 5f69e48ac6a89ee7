/// `GET|POST /user/credit` (SOAP `getUserCredit`): the user's credit balance; takes no parameters.
public struct UserCreditRequest: NodeAPIRequest {
    public typealias Reply = UserCredit
    public static let operation = NodeAPIOperation.userCredit

    public init() {}

    public init(from decoder: any Decoder) throws { _ = try EmptyBody(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try EmptyBody().encode(to: encoder) }
}

/// The `/user/credit` reply.
public struct UserCredit: Sendable, Hashable, Codable {
    public var credit: Int
    public init(credit: Int) { self.credit = credit }
}
