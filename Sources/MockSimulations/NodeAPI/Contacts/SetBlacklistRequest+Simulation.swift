import NodeAPI

/// `/contact/set-blacklist`: sets the blacklist state of contacts by uuid and of numbers (unknown numbers join the
/// book). One invalid number fails the request unless `returnInvalids`.
extension SetBlacklistRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> BlacklistReply {
        _ = try state.account(user)
        var book = state.takeBook(of: user, at: now)
        defer { state.books[user] = book }
        var numbers: [String] = []
        for uuid in uuids ?? [] {
            guard let contact = book.contact(uuid: uuid) else { throw NodeAPIError(.notFound, detail: "contact \(uuid)") }
            numbers.append(contact.gsm)
        }
        var invalids: [String] = []
        for gsm in gsms ?? [] {
            guard let number = gsm.normalized else {
                invalids.append(gsm.raw)
                continue
            }
            numbers.append(number)
            if book.contact(gsm: number) == nil {
                try state.checkRoom(for: 1, in: book)
                book.insert(.init(uuid: state.random.uuid(), gsm: number, groupUUIDs: [], iys: nil))
            }
        }
        for number in numbers { state.setBlacklisted(number, status, of: user) }
        return BlacklistReply(status: 1, invalids: returnInvalids == true ? invalids : nil)
    }
}
