import NodeAPI

/// `/sms/list-item`: a package's items, filtered by target, operator and state, paged.
extension ListSmsItemsRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> Page<PackageItem> {
        let id = try state.packages.id(of: package, user: user)
        guard let package = state.packages[id] else { throw NodeAPIError(.sms06) }
        let target = self.target.map { GSMNumber($0).normalized ?? $0 }
        let items = package.items.filter { item in
            (target.map { item.target == $0 } ?? true)
                && (self.operator.map { item.operator == $0 } ?? true)
                && (self.state.map { package.itemState(item, at: now) == $0 } ?? true)
        }
        let packageState = package.state(at: now)
        return Page(NodeAPIState.page(items, paging)) { package.view($0, at: now, packageState: packageState) }
    }
}
