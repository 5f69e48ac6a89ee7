import Foundation
import MockSimulations

extension NodeAPISimulation {
    /// Hands the reports that are due to the dispatcher (``MockBackgroundWork`` does every 250 ms).
    package func enqueueReports(to dispatcher: CallbackDispatcher) async {
        let due = self.dueReports()
        for (url, body) in await Self.encoded(due) { await dispatcher.enqueue(url: url, body: body) }
    }

    /// The reports' bodies, in their order, encoded on every core when there are many: encoding is what a day's advance
    /// over 100 000 items in flight spends most of its time on (JSON for each item).
    static func encoded(_ due: [(url: String, report: DeliveryReport)]) async -> [(url: String, body: [UInt8])] {
        let items = due.reduce(0) { $0 + $1.report.items.count }
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, due.count, items / 1000)
        guard parts > 1 else { return due.map { ($0.url, $0.report.jsonBody) } }
        let size = (due.count + parts - 1) / parts
        return await withTaskGroup(of: (Int, [(url: String, body: [UInt8])]).self) { group in
            for start in stride(from: 0, to: due.count, by: size) {
                let slice = Array(due[start..<min(start + size, due.count)])
                group.addTask { (start, slice.map { ($0.url, $0.report.jsonBody) }) }
            }
            var bodies: [(Int, [(url: String, body: [UInt8])])] = []
            for await part in group { bodies.append(part) }
            return bodies.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// Hands the reports that are due to the dispatcher and delivers what is due: one turn of the callback loop,
    /// for tests that advance the clock.
    package func deliverReports(through dispatcher: CallbackDispatcher) async {
        await enqueueReports(to: dispatcher)
        await dispatcher.drain()
    }
}

extension IYSSimulation {
    /// Hands the due webhook posts to the dispatcher, which retries them on the clock (``MockBackgroundWork`` does when
    /// a call leaves some).
    package func enqueueWebhooks(to dispatcher: CallbackDispatcher) async {
        for (url, body) in dueWebhooks() { await dispatcher.enqueue(url: url, body: body) }
    }

    /// Hands the due webhook posts to the dispatcher and delivers what is due, for tests that advance the clock.
    package func deliverWebhooks(through dispatcher: CallbackDispatcher) async {
        await enqueueWebhooks(to: dispatcher)
        await dispatcher.drain()
    }
}
