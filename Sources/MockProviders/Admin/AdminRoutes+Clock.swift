import Hummingbird
import MockAdmin
@_spi(MockInternals) import MockSimulations

/// `/__admin/clock`, `/__admin/clock/advance` and `/__admin/reset`: the mocks' time, and their state back to the scenario.
extension AdminRoutes {
    /// At most ten years per advance: a bound, so that no request makes the mocks' schedules do arithmetic at the edge.
    static let maxAdvanceSeconds: Double = 10 * 366 * 86_400

    func registerClock<Context: RequestContext>(on router: Router<Context>) {
        router.on(.getClock) { _, _ in Self.ok(clockState()).response }
        router.on(.setClock) { request, _ in await answer(request) { body throws(AdminModels.Failure) in try setClock(body) } }
        router.on(.advanceClock) { request, _ in await answer(request) { body throws(AdminModels.Failure) in try await advance(body) } }
        router.on(.reset) { request, _ in
            await reply { () throws(AdminModels.Failure) in
                let chosen = try Self.providers(request.firstQueryValues["provider"])
                await mocks.reset(chosen.count == 1 ? chosen[0] : nil)
                mocks.events.publish(.reset(providers: chosen.map(\.rawValue)))
                return AdminModels.Reset(reset: chosen.map(\.rawValue))
            }
        }
    }

    func clockState() -> AdminModels.Clock {
        let now = mocks.clock.now()
        let mode: SwitchableClock.Mode = switch mocks.clock {
        case let switchable as SwitchableClock: switchable.mode
        case is ManualClock: .manual
        default: .system
        }
        return AdminModels.Clock(mode: mode, now: ISOTime.string(now), epochMillis: now)
    }

    private func setClock(_ body: [UInt8]) throws(AdminModels.Failure) -> AdminModels.Clock {
        let change = try Self.decode(AdminModels.ClockChange.self, body)
        guard let switchable = mocks.clock as? SwitchableClock else {
            throw AdminModels.Failure(409, "this mock's clock cannot be switched (it was not started by serve)", field: "mode")
        }
        let target = try change.now.map { text throws(AdminModels.Failure) in try AdminModels.milliseconds(iso: text, field: "now") }
        try Self.refused { () throws(Refusal) in try switchable.set(mode: change.mode, now: target) }
        // What the background work slept to is measured on the clock as it was.
        mocks.background.wake.now()
        mocks.events.publish(.clock(now: mocks.clock.now()))
        return clockState()
    }

    /// Moves a manual clock, then runs what fell due before answering: item states, refunds, İYS forwarding and imports
    /// (the background work's turn), and the delivery reports and webhooks due by then, sent (``CallbackDispatcher/drain()``).
    private func advance(_ body: [UInt8]) async throws(AdminModels.Failure) -> AdminModels.Clock {
        let step = try Self.decode(AdminModels.Advance.self, body)
        guard step.seconds.isFinite, (0...Self.maxAdvanceSeconds).contains(step.seconds) else {
            throw AdminModels.Failure(400, "must be between 0 and \(Int(Self.maxAdvanceSeconds)) (ten years)", field: "seconds")
        }
        let milliseconds = Int64((step.seconds * 1000).rounded())
        switch mocks.clock {
        case let switchable as SwitchableClock:
            try Self.refused { () throws(Refusal) in try switchable.advance(milliseconds: milliseconds) }
        case let manual as ManualClock:
            manual.advance(seconds: Double(milliseconds) / 1000)
        default:
            throw AdminModels.Failure(409, "the clock is on the system's time; switch it to manual first", field: "mode")
        }
        await mocks.background.turn()
        await mocks.dispatcher.drain()
        mocks.events.publish(.clock(now: mocks.clock.now()))
        return clockState()
    }
}
