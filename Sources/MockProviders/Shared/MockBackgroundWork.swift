import ServiceLifecycle

/// The mocks' work that falls due on the clock rather than on a request: delivery reports and İYS webhooks handed to
/// the dispatcher, contact imports applied slice by slice. `serve` runs it as a service beside the
/// ``CallbackDispatcher``; each turn costs nothing when nothing is due (reports come from a schedule keyed by time).
package struct MockBackgroundWork: Service {
    let nodeAPI: NodeAPISimulation
    let iys: IYSSimulation
    let dispatcher: CallbackDispatcher
    let interval: Duration

    package init(nodeAPI: NodeAPISimulation, iys: IYSSimulation, dispatcher: CallbackDispatcher, interval: Duration = .milliseconds(250)) {
        self.nodeAPI = nodeAPI
        self.iys = iys
        self.dispatcher = dispatcher
        self.interval = interval
    }

    package func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await turn()
                try await Task.sleep(for: interval)
            }
        }
    }

    /// One turn of ``run()``. Import slices each take the simulation once, with a yield between them, so that
    /// requests interleave with a large import.
    package func turn() async {
        await nodeAPI.enqueueReports(to: dispatcher)
        await iys.enqueueWebhooks(to: dispatcher)
        while nodeAPI.advanceImports() { await Task.yield() }
        // Contacts whose İYS sync came out accepted give their consent to the İYS mock's store.
        nodeAPI.syncContactsWithIYS()
    }
}
