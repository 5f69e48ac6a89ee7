import MySoftIYS

/// The İYS gate of a commercial package: an SMS goes only to a recipient whose consent for the account's brand is ONAY
/// (of the package's `recipientType`, or of either type when it names none). Asked as each round is sent, so a
/// consent withdrawn between two rounds of a repeating package stops the later one.
struct CommercialGate {
    var brand: String
    var consents: ConsentBook
    var recipientType: RecipientType?

    func allows(_ target: String) -> Bool {
        consents.allowsCommercialSMS(brand: brand, number: target, as: recipientType)
    }
}
