import NodeAPI

extension NodeAPISimulation {
    /// The delivery reports due since the last call: for each package with `pushSettings.url`, the items that reached
    /// a final state, once each, from the report schedule (nothing is scanned while nothing is due). Items whose number
    /// makes their callback fail (magic `…0004`) are never reported, as if every attempt of the provider had failed.
    public func dueReports() -> [(url: String, report: DeliveryReport)] {
        let now = clock.now()
        return reports.due(at: now).compactMap { id, indices in
            guard let package = packages[id], let url = package.pushURL else { return nil }
            let items = indices.map { index in
                let item = package.items[index]
                let view = package.view(item, at: now)
                return DeliveryReport.Item(id: item.id, target: item.target, state: view.state, sendingDate: view.sendingDate, deliveryDate: view.deliveryDate)
            }
            return (url, DeliveryReport(pkgID: package.id, uuid: package.uuid, customID: package.customID, items: items))
        }
    }
}
