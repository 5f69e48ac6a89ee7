import NodeAPI

extension NodeAPIState {
    /// One SMS as the handset received it: the admin API's inbox (`GET /__admin/sms`).
    package struct HandsetMessage: Sendable, Hashable, Codable {
        package var to: String
        package var pkgID: Int
        package var itemID: String
        /// The account that sent it.
        package var user: String
        package var sender: String
        /// The text the handset shows: the recipient's own in a many-to-many package, else the package's.
        package var text: String
        /// The Node API's encoding number (0 GSM 7-bit, 1 Turkish shift table, 2 UCS-2).
        package var encoding: SmsEncoding
        package var segments: Int
        /// What it cost (0 for a recipient the İYS gate refused).
        package var credit: Int
        /// The item's state now: the Node API's number, and its name.
        package var state: ItemState
        package var stateName: String
        /// When the package was created, ISO 8601.
        package var createdAt: String
        /// The first run of 4 to 8 digits in the text (a one-time code), or nil.
        package var otp: String?
    }

    /// The messages sent to `number` (normalised), newest first, at most `limit`; every number's when nil. Reads what
    /// the retention keeps, through the store's index by number: no walk over every package.
    package func inbox(of number: String?, limit: Int, at now: Int64) -> [HandsetMessage] {
        var messages: [HandsetMessage] = []
        let chosen: AnySequence<SmsPackageRecord> = number.map { AnySequence(packages.packages(to: $0)) }
            ?? AnySequence(packages.order.reversed().lazy.compactMap { packages[$0] })
        for package in chosen {
            for item in package.items where number == nil || item.target == number {
                messages.append(Self.message(item, of: package, at: now))
                if messages.count >= limit { return messages }
            }
        }
        return messages
    }

    private static func message(_ item: SmsPackageRecord.Item, of package: SmsPackageRecord, at now: Int64) -> HandsetMessage {
        let text = item.msg ?? package.content ?? ""
        let state = package.itemState(item, at: now)
        return HandsetMessage(
            to: item.target, pkgID: package.id, itemID: item.id, user: package.owner, sender: package.sender, text: text, encoding: package.encoding,
            segments: item.segments, credit: item.booked, state: state, stateName: "\(state)", createdAt: ISOTime.string(package.createdAt), otp: oneTimeCode(in: text)
        )
    }

    /// The first run of 4 to 8 ASCII digits, as OTP texts carry their code ("Doğrulama kodunuz: 482913"); runs shorter
    /// or longer (a phone number) are passed over.
    static func oneTimeCode(in text: String) -> String? {
        var run: [UInt8] = []
        for byte in text.utf8 + [0] {
            if (0x30...0x39).contains(byte) {
                run.append(byte)
                continue
            }
            if (4...8).contains(run.count) { return String(decoding: run, as: UTF8.self) }
            run.removeAll(keepingCapacity: true)
        }
        return nil
    }
}
