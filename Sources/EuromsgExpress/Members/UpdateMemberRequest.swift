import MySoftIYS
/// `PATCH /member/{memberId}`: the fields to change; absent fields stay as they are. `memberId` may also be
/// sent in the body of `PATCH /member`.
public struct UpdateMemberRequest: Codable, Sendable, Hashable {
    public var memberId: Int?
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var phone: String?
    public var status: MemberStatus?
    public var iys: MemberIYS?

    public init(
        memberId: Int? = nil, email: String? = nil, firstName: String? = nil, lastName: String? = nil, phone: String? = nil,
        status: MemberStatus? = nil, iys: MemberIYS? = nil
    ) {
        self.memberId = memberId
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.status = status
        self.iys = iys
    }
}
