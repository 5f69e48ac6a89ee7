/// `pushSettings`: where the provider POSTs delivery reports of a package.
public struct PushSettings: Sendable, Hashable, Codable {
    public var url: String
    public init(url: String) { self.url = url }

    private enum CodingKeys: String, CodingKey, CaseIterable { case url }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        url = try decoder.container(keyedBy: CodingKeys.self).requireText(forKey: .url)
    }
}

extension KeyedDecodingContainer {
    /// `pushSettings`. One without `url` is, in a lenient decode, no push settings (the package is created and sends no
    /// reports), said in `tolerated`: a client once sent `{"pushSettings": {"pushSettings": {"url": …}}}` in production
    /// and the provider took its packages. The strict mode refuses it naming `pushSettings.url`.
    func decodePushSettings(forKey key: Key, tolerating ignored: IgnoredFields?) throws -> PushSettings? {
        guard let ignored, containsValue(key), let nested = try? nestedContainer(keyedBy: WireKey.self, forKey: key),
              !nested.contains(WireKey("url")) else {
            return try decodeObjectIfPresent(PushSettings.self, forKey: key)
        }
        let inner = (try? nested.nestedContainer(keyedBy: WireKey.self, forKey: WireKey("pushSettings")))?.contains(WireKey("url")) == true
        ignored.tolerate("\(key.stringValue) has no url\(inner ? " (\(key.stringValue).\(key.stringValue).url is not read: the url belongs in \(key.stringValue) itself)" : ""): the package sends no delivery reports")
        return nil
    }
}

/// `periodicSettings`: how a package is spread over time. With `periodType` 0 (once) the document requires `interval` and
/// `amount`: the package sends `amount` recipients, then the next `amount` `interval` minutes later (a split sending);
/// with 1–4 (daily, weekly, monthly, yearly) the whole package goes again every period until it is cancelled.
public struct PeriodicSettings: Sendable, Hashable, Codable {
    public var periodType: PeriodType
    /// Minutes between the batches of a one-time package, at least 1 (the document names no unit: see the README).
    public var interval: Int?
    /// Recipients per batch of a one-time package: 1000 or a multiple of it.
    public var amount: Int?

    public init(periodType: PeriodType, interval: Int? = nil, amount: Int? = nil) {
        self.periodType = periodType
        self.interval = interval
        self.amount = amount
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case periodType, amount, interval }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        periodType = try container.requireWireEnum(PeriodType.self, forKey: .periodType)
        interval = try container.decodeLenientInt(forKey: .interval)
        amount = try container.decodeLenientInt(forKey: .amount)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(periodType, forKey: .periodType)
        try container.encodeIfPresent(amount, forKey: .amount)
        try container.encodeIfPresent(interval, forKey: .interval)
    }

    /// Whether the package goes again every period (`periodType` 1–4).
    public var repeats: Bool { periodType != .once }

    /// `interval` ≥ 1 and `amount` a multiple of 1000, both required when the period is `once` (the document's rule:
    /// "periodType 0 iken").
    public func validate() throws(NodeAPIError) {
        if periodType == .once {
            if interval == nil { throw .invalid("periodicSettings.interval", "is required when periodType is 0") }
            if amount == nil { throw .invalid("periodicSettings.amount", "is required when periodType is 0") }
        }
        if let interval, interval < 1 { throw .invalid("periodicSettings.interval", "must be at least 1") }
        if let amount, amount < 1000 || amount % 1000 != 0 { throw .invalid("periodicSettings.amount", "must be 1000 or a multiple of 1000") }
    }
}

extension KeyedDecodingContainer {
    /// `periodicSettings`. `periodType` 0 without `interval` or `amount` (which the document requires then) is, in a
    /// lenient decode, no periodic settings (the package sends everyone at once), said in `tolerated`: clients that copy
    /// the document's single-number example send `{"periodType": 0}` for "not periodic". The strict mode refuses it.
    func decodePeriodicSettings(forKey key: Key, tolerating ignored: IgnoredFields?) throws -> PeriodicSettings? {
        guard let settings = try decodeObjectIfPresent(PeriodicSettings.self, forKey: key) else { return nil }
        guard let ignored, settings.periodType == .once, settings.interval == nil || settings.amount == nil else { return settings }
        let missing = [settings.interval == nil ? "interval" : nil, settings.amount == nil ? "amount" : nil].compactMap { $0 }
        ignored.tolerate("\(key.stringValue) with periodType 0 and no \(missing.joined(separator: " or ")) read as no \(key.stringValue): the package sends everyone at once")
        return nil
    }
}
