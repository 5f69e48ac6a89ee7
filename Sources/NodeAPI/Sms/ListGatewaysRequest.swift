/// `GET|POST /sms/list-gateway`: the gateways (ağ geçitleri) of the account, which `/sms/create`'s `gateway` names.
/// Not in the document; two public clients call it with no parameters (nac-sms `gateways()`, a Voice Telekom NestJS
/// adapter), and a .NET client reads each gateway's fields (``Gateway``).
public struct ListGatewaysRequest: NodeAPIRequest {
    public typealias Reply = Page<Gateway>
    public static let operation = NodeAPIOperation.listGateways

    public init() {}

    public init(from decoder: any Decoder) throws { _ = try EmptyBody(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try EmptyBody().encode(to: encoder) }
}

/// A gateway of the account, as a .NET client of the provider reads it: its uuid, the SMS type it carries, the operator
/// and sub-provider it goes through (numbers, as the client reads them), whether it carries OTP, and whether it checks
/// SIM changes.
public struct Gateway: Sendable, Hashable, Codable {
    public var uuid: String
    public var smsType: Int
    public var `operator`: Int
    public var subProvider: Int
    public var isOTP: Bool
    public var simChangeControl: Bool

    public init(uuid: String, smsType: Int, operator: Int, subProvider: Int, isOTP: Bool, simChangeControl: Bool) {
        self.uuid = uuid
        self.smsType = smsType
        self.operator = `operator`
        self.subProvider = subProvider
        self.isOTP = isOTP
        self.simChangeControl = simChangeControl
    }
}
