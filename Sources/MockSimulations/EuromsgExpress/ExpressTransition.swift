import EuromsgExpress

/// A Euromsg Express request as the mock answers it for an end user (``MockTransition`` of ``ExpressState``): each
/// request type of the model conforms once, in a file named after it (`Lists/CreateListRequest+Simulation.swift` is
/// `POST /email-list`), as the Node API's and İYS's do, and ``ExpressOperation``'s table reaches it
/// (``ExpressOperation/transitionType``). The caller is the end user's API key; the call runs after the unsubscribes of
/// the messages out by then are settled.
///
/// Tokens and API keys (`POST /tokens`, `PUT /apiKey/identification`) are not transitions: they decide who the end
/// user is, as the Node API's authentication does.
package protocol ExpressTransition: MockTransition where State == ExpressState, Failure == ExpressError {}

extension ExpressOperation {
    /// The call's request type as the mock answers it; every call that needs an end user has one (a test checks).
    package var transitionType: (any ExpressTransition.Type)? { descriptor.requestType as? any ExpressTransition.Type }
}
