import EuromsgExpress

/// One Euromsg Express call for an end user, as a transition of ``ExpressState``: one type per endpoint, in a file
/// named after it (`Lists/CreateEmailList.swift` is `POST /email-list`). The call runs for the end user with the API
/// key `apiKey`, at `now`, after the unsubscribes of the messages out by then are settled; it returns the reply or the
/// gateway's error, and a refused call leaves the state as it was.
///
/// Tokens and API keys (`POST /tokens`, `PUT /apiKey/identification`) are not transitions: they decide who the end
/// user is, as the Node API's authentication does.
package protocol ExpressTransition: Sendable {
    associatedtype Reply: Sendable
    func apply(to state: inout ExpressState, endUser apiKey: String, now: Int64) throws(ExpressError) -> Reply
}
