import Hummingbird
import MockAdmin
import MockSimulations

/// `GET` and `PUT /__admin/scenario`: the scenario's text, and a new scenario, validated as at start-up.
extension AdminRoutes {
    /// Largest scenario `PUT` takes: scenarios carry consents and members, so more than the other admin calls.
    static let maxScenarioBytes = 4 * 1024 * 1024

    func registerScenario<Context: RequestContext>(on router: Router<Context>) {
        router.on(.getScenario) { _, _ in
            guard let source = mocks.scenarioHolder.source else {
                return Self.failure(AdminModels.Failure(404, "these mocks were given a scenario built in code, not a text")).response
            }
            return WireResponse(status: .ok, contentType: "application/yaml; charset=utf-8", bytes: Array(source.utf8)).response
        }
        router.on(.replaceScenario) { request, _ in
            do throws(AdminModels.Failure) {
                let bytes: [UInt8]
                do throws(BodyReader.Failure) { bytes = try await BodyReader.collect(request, limit: Self.maxScenarioBytes) } catch {
                    if case .tooLarge = error { throw AdminModels.Failure(413, error.message, field: "body") }
                    throw AdminModels.Failure(400, error.message, field: "body")
                }
                guard let text = String(validating: bytes, as: UTF8.self) else { throw AdminModels.Failure(400, "the scenario is not UTF-8", field: "body") }
                let scenario: Scenario
                do throws(ScenarioError) { scenario = try await Scenario.parseAside(text, file: "PUT /__admin/scenario") } catch { throw AdminModels.Failure(400, error.message, field: "body") }
                let restart = await mocks.replaceScenario(scenario, source: text)
                mocks.events.publish(.reset(providers: ProviderMocks.Provider.allCases.map(\.rawValue)))
                return Self.ok(AdminModels.ScenarioReplaced(reset: ProviderMocks.Provider.allCases.map(\.rawValue), restartNeeded: restart)).response
            } catch {
                return Self.failure(error).response
            }
        }
    }
}
