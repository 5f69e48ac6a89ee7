import MySoftIYS
/// `POST /member`: a member for a list. Only `email` is required unless the end user made Euromsg Express
/// its İYS integrator; then `iys` is required too.
public struct AddMemberRequest: Codable, Sendable, Hashable {
    public var listId: Int
    public var email: String
    public var firstName: String?
    public var lastName: String?
    public var phone: String?
    public var iys: MemberIYS?

    public init(listId: Int, email: String, firstName: String? = nil, lastName: String? = nil, phone: String? = nil, iys: MemberIYS? = nil) {
        self.listId = listId
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.iys = iys
    }
}
