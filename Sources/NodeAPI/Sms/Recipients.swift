/// Who a package goes to; the case decides `sendingType` and the shape of `number` / `numbers`.
public enum Recipients: Sendable, Hashable {
    /// `sendingType: 0`, `"number": 905…`
    case single(GSMNumber)
    /// `sendingType: 1`, `"numbers": [905…, 905…]`
    case oneToMany([GSMNumber])
    /// `sendingType: 2`, `"numbers": [{"nr": 905…, "msg": "…"}]`
    case manyToMany([PersonalMessage])
    /// `sendingType: 1` with custom fields, as public clients send it: `"customFields": ["NAME"]`,
    /// `"numbers": [{"nr": 905…, "cfs": {"NAME": "Ahmet"}}]`; each recipient gets the content with every field's
    /// name replaced by their value (none: an empty text).
    case personalised(fields: [String], numbers: [PersonalisedNumber])

    public var sendingType: SendingType {
        switch self {
        case .single: .single
        case .oneToMany, .personalised: .oneToMany
        case .manyToMany: .manyToMany
        }
    }

    /// Every recipient's number, in order.
    public var numbers: [GSMNumber] {
        switch self {
        case .single(let number): [number]
        case .oneToMany(let numbers): numbers
        case .manyToMany(let messages): messages.map(\.nr)
        case .personalised(_, let numbers): numbers.map(\.nr)
        }
    }
}

/// One recipient of a personalised one-to-many package and the values of its custom fields.
public struct PersonalisedNumber: Sendable, Hashable, Codable {
    public var nr: GSMNumber
    public var cfs: [String: String]

    public init(nr: GSMNumber, cfs: [String: String] = [:]) {
        self.nr = nr
        self.cfs = cfs
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case nr, cfs }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nr = GSMNumber(try container.requireLenientString(forKey: .nr))
        cfs = try container.decodeStringMap(forKey: .cfs) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nr, forKey: .nr)
        if !cfs.isEmpty { try container.encodeStringMap(cfs, forKey: .cfs) }
    }
}

/// One recipient of a many-to-many package and the text only they get.
public struct PersonalMessage: Sendable, Hashable, Codable {
    public var nr: GSMNumber
    public var msg: String
    /// The client's own id of this message (public clients send it to match reports to their records).
    public var xid: String?

    public init(nr: GSMNumber, msg: String, xid: String? = nil) {
        self.nr = nr
        self.msg = msg
        self.xid = xid
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case nr, msg, xid }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nr = GSMNumber(try container.requireLenientString(forKey: .nr))
        msg = try container.requireText(forKey: .msg)
        xid = try container.decodeLenientString(forKey: .xid)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nr, forKey: .nr)
        try container.encode(msg, forKey: .msg)
        try container.encodeIfPresent(xid, forKey: .xid)
    }
}

/// An entry of `numbers` when `sendingType` is 1: a number, or an object with `nr` (and `cfs`), which is what SOAP
/// toolkits build from the WSDL's mixed `NumberItem` (`<item><nr>905…</nr></item>`) and what personalising clients send.
enum OneToManyEntry: Decodable {
    case number(GSMNumber)
    case object(PersonalisedNumber, hasFields: Bool)

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let text = try? single.decode(String.self) {
                self = .number(GSMNumber(text.trimmedASCIIWhitespace))
                return
            }
            if let value = try? single.decode(Int.self) {
                self = .number(GSMNumber(String(value)))
                return
            }
        }
        let entry = try PersonalisedNumber(from: decoder)
        self = .object(entry, hasFields: !entry.cfs.isEmpty)
    }
}
