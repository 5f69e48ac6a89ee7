import Foundation
import NIOHTTP1
import ProviderClients

/// One call of a JSON contract (İYS, Euromsg): the exchange, timed, and the result its rule gives the reply.
struct ContractCall: Sendable {
    let provider: String
    let http: ProviderHTTP
    let baseURL: String

    /// Sends the request and judges the reply; the reply too, for the checks that read on from it (a token, an id).
    func run(
        _ check: String, _ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        judge: (ProviderHTTP.Reply) -> [String]
    ) async -> (result: ConformanceReport.Result, reply: ProviderHTTP.Reply?) {
        let start = ContinuousClock.now
        let operation = String(path.split(separator: "?").first ?? "")
        do {
            let reply = try await http.send(method, baseURL + path, headers: headers, body: body)
            let differences = judge(reply)
            return (result(operation, check, differences.isEmpty ? .pass : .fail, differences, start), reply)
        } catch {
            return (result(operation, check, .fail, ["no reply: \(error)"], start), nil)
        }
    }

    func skipped(_ path: String, _ check: String, _ why: String) -> ConformanceReport.Result {
        result(path, check, .skipped, [why], .now)
    }

    private func result(
        _ operation: String, _ check: String, _ verdict: ConformanceReport.Result.Verdict, _ differences: [String], _ start: ContinuousClock.Instant
    ) -> ConformanceReport.Result {
        ConformanceReport.Result(
            provider: provider, operation: operation, face: "json", check: check, verdict: verdict, differences: differences,
            durationMs: ConformanceReport.Result.milliseconds(since: start)
        )
    }
}
