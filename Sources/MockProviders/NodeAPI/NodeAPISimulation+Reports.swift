import NodeAPI

extension NodeAPISimulation {
    /// The delivery reports due since the last call: for each package with `pushSettings.url`, the items
    /// that reached a final state, once each. Items whose number makes their callback fail (magic
    /// `…0004`) are never reported, as if every attempt of the provider had failed.
    public func dueReports() -> [(url: String, report: DeliveryReport)] {
        let now = clock.now()
        var due: [(url: String, report: DeliveryReport)] = []
        for id in awaitingReports.sorted() {
            guard let package = packages[id], let url = package.pushURL else {
                awaitingReports.remove(id)
                continue
            }
            var done = reportedItems[id] ?? []
            var items: [DeliveryReport.Item] = []
            for item in package.items where !done.contains(item.id) && package.itemState(item, at: now).isFinal {
                done.insert(item.id)
                if item.outcome == .callbackFails { continue }
                let view = package.view(item, at: now)
                items.append(.init(id: item.id, target: item.target, state: view.state, sendingDate: view.sendingDate, deliveryDate: view.deliveryDate))
            }
            reportedItems[id] = done
            if done.count == package.items.count {
                awaitingReports.remove(id)
                reportedItems[id] = nil
            }
            if !items.isEmpty {
                due.append((url, DeliveryReport(pkgID: package.id, uuid: package.uuid, customID: package.customID, items: items)))
            }
        }
        return due
    }
}
