/// The lines of the collections' test scripts. The replay test (`PostmanReplayTests`) runs the collections against the
/// mocks and understands exactly these forms, so CI checks the collections as Postman or newman would run them.
package enum PostmanScript {
    package static let noServerError = "pm.test('no server error', () => pm.expect(pm.response.code).to.be.below(500));"
    package static let httpSuccess = "pm.test('succeeds', () => pm.response.to.be.success);"
    /// A Node API JSON reply with `err: null`.
    package static let nodeAPISuccess = "pm.test('succeeds', () => pm.expect(pm.response.json().err).to.eql(null));"
    /// A Node API SOAP reply with an empty `<err/>`.
    package static let soapSuccess = #"pm.test('succeeds', () => pm.expect(pm.response.text()).to.match(/<err\s*\/>|<err><\/err>/));"#
    package static let iysSuccess = "pm.test('succeeds', () => pm.expect(pm.response.json().succeed).to.eql(true));"
    /// The envelope `provider-mock check` reads in every Node API JSON reply, and no other key.
    package static let nodeAPIEnvelope = "pm.test('the envelope is {data, err}', () => pm.expect(Object.keys(pm.response.json()).sort()).to.eql(['data', 'err']));"
    /// `err.status` as the HTTP status (200 on success), as `provider-mock check` reads it.
    package static let statusIsErrStatus =
        "pm.test('the HTTP status is err.status', () => pm.expect(pm.response.code).to.eql(pm.response.json().err ? pm.response.json().err.status : 200));"
    package static let iysEnvelope =
        "pm.test('the envelope is {succeed, data, message, errorCode}', () => pm.expect(Object.keys(pm.response.json()).every("
        + "key => ['succeed', 'data', 'message', 'errorCode'].includes(key))).to.eql(true));"

    /// A documented bad input's error: the catalogue's code, and its status in `err.status`.
    package static func documentedError(_ code: String, _ status: Int) -> String {
        "pm.test('the error is \(code) (\(status))', () => pm.expect([pm.response.json().err.code, pm.response.json().err.status]).to.eql(['\(code)', \(status)]));"
    }

    /// Keeps a value of the reply (`data.pkgID`) in a collection variable for the requests after it.
    package static func keep(_ variable: String, _ path: String) -> String {
        "pm.collectionVariables.set('\(variable)', pm.response.json().\(path));"
    }
}
