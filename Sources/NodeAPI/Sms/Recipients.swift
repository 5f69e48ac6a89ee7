/// Who a package goes to; the case decides `sendingType` and the shape of `number` / `numbers`.
public enum Recipients: Sendable, Hashable {
    /// `sendingType: 0`, `"number": 905…`
    case single(GSMNumber)
    /// `sendingType: 1`, `"numbers": [905…, 905…]`
    case oneToMany([GSMNumber])
    /// `sendingType: 2`, `"numbers": [{"nr": 905…, "msg": "…"}]`
    case manyToMany([PersonalMessage])

    public var sendingType: SendingType {
        switch self {
        case .single: .single
        case .oneToMany: .oneToMany
        case .manyToMany: .manyToMany
        }
    }

    /// Every recipient's number, in order.
    public var numbers: [GSMNumber] {
        switch self {
        case .single(let number): [number]
        case .oneToMany(let numbers): numbers
        case .manyToMany(let messages): messages.map(\.nr)
        }
    }
}

/// One recipient of a many-to-many package and the text only they get.
public struct PersonalMessage: Sendable, Hashable, Codable {
    public var nr: GSMNumber
    public var msg: String

    public init(nr: GSMNumber, msg: String) {
        self.nr = nr
        self.msg = msg
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case nr, msg }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nr = GSMNumber(try container.requireLenientString(forKey: .nr))
        msg = try container.requireText(forKey: .msg)
    }
}
