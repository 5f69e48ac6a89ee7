import Hummingbird
import MockAdmin
import WireCoding

extension RouterMethods {
    /// Registers `operation`'s route at its method and path (its parameter as `:name`).
    @discardableResult
    func on(_ operation: AdminOperation, use closure: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(RouterPath(PathTemplate(operation.path).routerPattern), method: operation.method.http, use: closure)
    }
}
