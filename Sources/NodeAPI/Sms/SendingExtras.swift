/// Fields of `/sms/create` and `/sms/create-otp` that the document does not print but public clients send
/// (VoiceTelekom, digisms, EkoMesaj, nac-sms): modelled with their rule, not only tolerated.
public struct SendingExtras: Sendable, Hashable {
    /// `skipAhsQuery`: skip the number-portability (AHS) query of each recipient's operator. A boolean; the
    /// operator always comes from the number's prefix here, so it changes nothing else.
    public var skipAhsQuery: Bool?
    /// `gateway`: the uuid of a gateway defined for the sender ("gönderen başlığına tanımlı ağ geçidi").
    public var gateway: String?
    /// `recipientType` (create only): the İYS recipient type of a commercial message, 0 BIREYSEL or 1 TACIR; the
    /// İYS gate then reads only that type's consent (both when absent).
    public var recipientType: IysRecipientType?

    public init(skipAhsQuery: Bool? = nil, gateway: String? = nil, recipientType: IysRecipientType? = nil) {
        self.skipAhsQuery = skipAhsQuery
        self.gateway = gateway
        self.recipientType = recipientType
    }

    func validate() throws(NodeAPIError) {
        if let gateway, !Self.isUUID(gateway) { throw .invalid("gateway", "must be a gateway uuid (8-4-4-4-12 hexadecimal digits)") }
    }

    /// `1b09b8c5-ae80-42af-8779-21a61afd5da1`: 8-4-4-4-12 hexadecimal digits.
    public static func isUUID(_ text: String) -> Bool {
        let groups = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { group in
            group.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
        }
    }
}
