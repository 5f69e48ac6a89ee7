import NodeAPI

extension NodeAPISimulation {
    /// Items in one report POST at most: a large package's reports are split, so that no body grows with the package.
    public static let itemsPerReport = 1000

    /// The delivery reports due since the last call: for each package with `pushSettings.url`, the items that reached
    /// a final state, once each, at most ``itemsPerReport`` per report, from the report schedule (nothing is scanned
    /// while nothing is due). Items whose number makes their callback fail (magic `…0004`) are never reported, as if
    /// every attempt of the provider had failed.
    public func dueReports() -> [(url: String, report: DeliveryReport)] {
        let now = clock.now()
        var due: [(url: String, report: DeliveryReport)] = []
        for (id, indices) in reports.due(at: now) {
            guard let package = packages[id], let url = package.pushURL else { continue }
            for start in stride(from: 0, to: indices.count, by: Self.itemsPerReport) {
                let items = indices[start..<min(start + Self.itemsPerReport, indices.count)].map { index in
                    let item = package.items[index]
                    let view = package.view(item, at: now)
                    return DeliveryReport.Item(id: item.id, target: item.target, state: view.state, sendingDate: view.sendingDate, deliveryDate: view.deliveryDate)
                }
                due.append((url, DeliveryReport(pkgID: package.id, uuid: package.uuid, customID: package.customID, items: items)))
            }
        }
        return due
    }
}
