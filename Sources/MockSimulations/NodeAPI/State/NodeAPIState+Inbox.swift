import NodeAPI

extension NodeAPIState {
    /// Where a page of the inbox starts: at a package (newest first), and at an item of it (in item order).
    package struct InboxCursor: Sendable, Hashable {
        package var pkgID: Int
        package var item: Int

        /// Written `pkgID-item` (`"1042-0"`), as the reply's `next` gives it.
        package init?(_ text: String) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let pkgID = Int(parts[0]), let item = Int(parts[1]), pkgID >= 0, item >= 0 else { return nil }
            self.init(pkgID: pkgID, item: item)
        }

        package init(pkgID: Int, item: Int) {
            self.pkgID = pkgID
            self.item = item
        }

        package var text: String { "\(pkgID)-\(item)" }
    }

    /// A page of the inbox, and where the next one starts (nil at the end).
    package struct InboxPage: Sendable, Hashable {
        package var messages: [HandsetMessage]
        package var next: InboxCursor?
    }

    /// The messages sent to `number` (normalised), newest package first, at most `limit`; every number's when nil.
    /// `from` starts the page (``InboxPage/next`` of the one before); only packages after `after` (an id) count. Reads
    /// what the retention keeps, through the store's index by number: no walk over every package.
    package func inbox(of number: String?, limit: Int, from cursor: InboxCursor? = nil, after: Int? = nil, at now: Int64) -> InboxPage {
        var messages: [HandsetMessage] = []
        let chosen: AnySequence<SmsPackageRecord> = number.map { AnySequence(packages.packages(to: $0)) }
            ?? AnySequence(packages.order.reversed().lazy.compactMap { packages[$0] })
        for package in chosen {
            if let after, package.id <= after { break }
            if let cursor, package.id > cursor.pkgID { continue }
            let first = cursor.map { package.id == $0.pkgID ? $0.item : 0 } ?? 0
            guard first < package.items.count else { continue }
            for index in first..<package.items.count where number == nil || package.items[index].target == number {
                if messages.count >= limit { return InboxPage(messages: messages, next: InboxCursor(pkgID: package.id, item: index)) }
                messages.append(Self.message(package.items[index], of: package, at: now))
            }
        }
        return InboxPage(messages: messages, next: nil)
    }

    /// The id of the newest package stored, or 0: where a wait for new messages starts.
    package var newestPackageID: Int { packages.nextPackageID - 1 }

    /// The id of the newest item stored (of a package or a round): items after it are newer.
    package var newestItemID: Int64 { packages.nextItemID - 1 }

    /// The messages of one package to `number` (every number's when nil) whose items are newer than `item`: a round of
    /// a repeating package sent after a wait began.
    package func messages(ofPackage id: Int, to number: String?, after item: Int64, at now: Int64) -> [HandsetMessage] {
        guard let package = packages[id] else { return [] }
        return package.items.filter { (Int64($0.id) ?? 0) > item && (number == nil || $0.target == number) }.map { Self.message($0, of: package, at: now) }
    }

    /// The id of the newest package created at or before `time` (0 when none is kept): packages after it are newer.
    package func newestPackage(createdBy time: Int64) -> Int {
        for id in packages.order.reversed() {
            if let package = packages[id], package.createdAt <= time { return id }
        }
        return 0
    }

    private static func message(_ item: SmsPackageRecord.Item, of package: SmsPackageRecord, at now: Int64) -> HandsetMessage {
        let text = item.msg ?? package.content ?? ""
        let state = package.itemState(item, at: now)
        return HandsetMessage(
            to: item.target, pkgID: package.id, itemID: item.id, user: package.owner, sender: package.sender, text: text, encoding: package.encoding,
            segments: item.segments, credit: item.booked, state: state, stateName: "\(state)", history: history(of: item, in: package, at: now),
            createdAt: ISOTime.string(package.createdAt), otp: oneTimeCode(in: text)
        )
    }

    /// The item's states up to `now`: its state at each instant of the package's timeline where it may change (a
    /// cancellation counts from when it was made), each change once.
    static func history(of item: SmsPackageRecord.Item, in package: SmsPackageRecord, at now: Int64) -> [HandsetMessage.StateChange] {
        let timeline = SmsPackageRecord.Timeline(package)
        var instants = [package.createdAt, timeline.savedAt] + [timeline.sendingAt, timeline.sentAt, timeline.reportAt, timeline.timeoutAt].map { $0 + item.delay }
        if let cancelledAt = timeline.cancelledAt { instants.append(cancelledAt) }
        var changes: [HandsetMessage.StateChange] = []
        for instant in Set(instants).sorted() where instant <= now && instant >= package.createdAt {
            var then = timeline
            if let cancelledAt = then.cancelledAt, instant < cancelledAt { then.cancelledAt = nil }
            let state = package.itemState(item, at: instant, on: then)
            if changes.last?.state != state { changes.append(HandsetMessage.StateChange(state: state, stateName: "\(state)", at: ISOTime.string(instant))) }
        }
        return changes
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
