/// The request of `PATCH /email-list/{id}` (``ExpressOperation/renameList``); the mock's rule for it is
/// `Lists/RenameListRequest+Simulation.swift`.
public struct RenameListRequest: Sendable, Hashable {
    public var id: Int
    public var list: EmailListName

    public init(id: Int, _ list: EmailListName) {
        self.id = id
        self.list = list
    }
}
