import Foundation
import NodeAPI

/// The body of `POST /mock/mo`: an SMS a recipient sends to the user's short number, which is how
/// opt-out traffic enters the mock. Not part of the Node API; documented in the README.
///
/// `{"gsm": "905321112233", "msg": "RET BASLIK", "shortNr": "3838"}` (`shortNr` optional).
package struct IncomingOptOutSMS: Decodable, Sendable {
    package var gsm: String
    package var msg: String
    package var shortNr: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case gsm, msg, shortNr }

    package init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        gsm = try container.requireLenientString(forKey: .gsm)
        msg = try container.requireText(forKey: .msg)
        shortNr = try container.decodeLenientString(forKey: .shortNr)
    }

    /// Decodes a body; anything unusable is `ERR_INVALID_PARAM` saying why.
    package static func decode(_ body: [UInt8]) throws(NodeAPIError) -> IncomingOptOutSMS {
        do {
            let sms = try JSONDecoder().decode(Self.self, from: Data(body))
            try FieldRules.checkLength(sms.msg, "msg", limit: FieldRules.contentLength)
            try FieldRules.checkLength(sms.gsm, "gsm", limit: FieldRules.titleLength)
            try FieldRules.checkLength(sms.shortNr, "shortNr", limit: FieldRules.titleLength)
            return sms
        } catch let error as NodeAPIError {
            throw error
        } catch {
            throw NodeAPIError(.invalidParam, detail: "the body is not {gsm, msg, shortNr?}: \(error)")
        }
    }
}
