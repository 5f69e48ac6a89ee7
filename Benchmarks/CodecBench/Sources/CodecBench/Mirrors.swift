/// What a Swift user would write without this project: plain synthesized `Codable` structs that
/// mirror the `sendSms` envelope (for XMLCoder) and the JSON body (for Foundation's coders).
struct MirrorEnvelope: Codable {
    struct Body: Codable {
        let sendSms: MirrorSendSms
    }
    let Body: Body
}

struct MirrorSendSms: Codable {
    struct Numbers: Codable {
        let item: [MirrorNumber]
    }
    struct Periodic: Codable {
        let periodType: Int
        let amount: Int?
        let interval: Int?
    }
    struct Push: Codable {
        let url: String
    }
    let username: String?
    let password: String?
    let type: Int
    let sendingType: Int
    let title: String
    let content: String?
    let numbers: Numbers
    let encoding: Int?
    let sender: String
    let periodicSettings: Periodic?
    let validity: Int?
    let pushSettings: Push?
}

struct MirrorNumber: Codable {
    let nr: String
    let msg: String
}

/// The JSON body of the same request with synthesized `Codable`.
struct MirrorSendSmsJSON: Codable {
    let type: Int
    let sendingType: Int
    let title: String
    let content: String?
    let numbers: [MirrorNumber]
    let encoding: Int?
    let sender: String
    let periodicSettings: MirrorSendSms.Periodic?
    let validity: Int?
    let pushSettings: MirrorSendSms.Push?
}
