import EuromsgExpress

/// One Euromsg Express call for an end user (``MockTransition`` of ``ExpressState``): one type per endpoint, in a file
/// named after it (`Lists/CreateEmailList.swift` is `POST /email-list`). The caller is the end user's API key; the call
/// runs after the unsubscribes of the messages out by then are settled.
///
/// Tokens and API keys (`POST /tokens`, `PUT /apiKey/identification`) are not transitions: they decide who the end
/// user is, as the Node API's authentication does.
package protocol ExpressTransition: MockTransition where State == ExpressState, Failure == ExpressError {}
