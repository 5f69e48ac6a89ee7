import Hummingbird
import MockAdmin
import MockSimulations

/// `/__admin/faults`: faults added, listed with their counts, and removed at run time (``FaultBook``).
extension AdminRoutes {
    func registerFaults<Context: RequestContext>(on router: Router<Context>) {
        let faults = mocks.faults
        router.on(.addFault) { request, _ in
            await answer(request, status: .created) { body throws(AdminModels.Failure) in
                let asked = try Self.decode(Fault.Request.self, body)
                return try Self.refused { () throws(Refusal) in try faults.add(asked) }
            }
        }
        router.on(.listFaults) { _, _ in Self.ok(AdminModels.Faults(faults: faults.list())).response }
        router.on(.removeFaults) { _, _ in
            faults.removeAll()
            return Response(status: .noContent)
        }
        router.on(.removeFault) { _, context in
            let id = context.parameters.get("id") ?? ""
            return faults.remove(id: id) ? Response(status: .noContent) : Self.failure(AdminModels.Failure(404, "there is no fault '\(id)'", field: "id")).response
        }
    }
}
