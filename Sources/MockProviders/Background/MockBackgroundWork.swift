import MockSimulations
import ServiceLifecycle

/// The mocks' work that falls due on the clock rather than on a request: delivery reports and İYS webhooks handed to
/// the dispatcher, contact imports applied slice by slice, contacts' İYS syncs. `serve` runs it as a service beside the
/// ``CallbackDispatcher``. Between turns it sleeps until the next instant its schedules hold, or until a request brings
/// work due sooner (``BackgroundWake``): an idle world's background costs nothing, a busy one's turns as work falls due.
package struct MockBackgroundWork: Service {
    let nodeAPI: NodeAPISimulation
    let iys: IYSSimulation
    let dispatcher: CallbackDispatcher
    /// Woken by the simulations when a call brings work due sooner than it sleeps to: the one given to them.
    package let wake: BackgroundWake

    package init(nodeAPI: NodeAPISimulation, iys: IYSSimulation, dispatcher: CallbackDispatcher, wake: BackgroundWake) {
        self.nodeAPI = nodeAPI
        self.iys = iys
        self.dispatcher = dispatcher
        self.wake = wake
    }

    package func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                wake.turnBegins()
                await turn()
                await wake.sleep(until: nodeAPI.withState { state, _ in state.nextDue }, clock: nodeAPI.clock)
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
