import NodeAPI

extension SmsPackageRecord {
    /// A package as a state file keeps it. The rounds of repeating packages and the `recipientType` came later: a file
    /// written before them reads as packages of one round (the recipients they hold), so that an upgraded mock starts on
    /// its old volume.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let items = try container.decode([Item].self, forKey: .items)
        self.init(
            id: try container.decode(Int.self, forKey: .id), uuid: try container.decode(String.self, forKey: .uuid),
            customID: try container.decodeIfPresent(String.self, forKey: .customID), owner: try container.decode(String.self, forKey: .owner),
            type: try container.decode(SmsType.self, forKey: .type), sender: try container.decode(String.self, forKey: .sender),
            title: try container.decode(String.self, forKey: .title), content: try container.decodeIfPresent(String.self, forKey: .content),
            encoding: try container.decode(SmsEncoding.self, forKey: .encoding), validity: try container.decode(Int.self, forKey: .validity),
            commercial: try container.decode(Bool.self, forKey: .commercial),
            recipientType: try container.decodeIfPresent(IysRecipientType.self, forKey: .recipientType),
            pushURL: try container.decodeIfPresent(String.self, forKey: .pushURL),
            periodic: try container.decodeIfPresent(PeriodicSettings.self, forKey: .periodic), items: items,
            roundSize: try container.decodeIfPresent(Int.self, forKey: .roundSize) ?? items.count,
            createdAt: try container.decode(Int64.self, forKey: .createdAt), startsAt: try container.decode(Int64.self, forKey: .startsAt),
            isScheduled: try container.decode(Bool.self, forKey: .isScheduled), cancelledAt: try container.decodeIfPresent(Int64.self, forKey: .cancelledAt)
        )
        rounds = try container.decodeIfPresent(Int.self, forKey: .rounds) ?? 1
        repeatEnded = try container.decodeIfPresent(Bool.self, forKey: .repeatEnded) ?? false
        savedAt = try container.decode(Int64.self, forKey: .savedAt)
    }
}
