/// Why a change to the mocks' own state was refused (the clock, a fault, an account's credit or senders): the request
/// field at fault, what is wrong with it, and the HTTP status the admin API answers it with. One type for every such
/// change, so that the admin API turns each into its `{error, field}` the same way.
package struct Refusal: Error, Sendable, Equatable {
    package var status: Int
    package var field: String
    package var message: String

    package init(status: Int = 400, field: String, message: String) {
        self.status = status
        self.field = field
        self.message = message
    }
}
