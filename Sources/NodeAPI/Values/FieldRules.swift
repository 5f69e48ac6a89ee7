/// The field rules of the document, in one place, so that every side validates the same way.
public enum FieldRules {
    /// Validity of OTP packages, in minutes.
    public static let otpValidity = 3...6
    /// Validity of every other package, in minutes (the document's "1449" is 1440).
    public static let validity = 60...1440
    public static let defaultOtpValidity = 6
    public static let defaultValidity = 1440
    /// Page size of list calls that give none.
    public static let defaultPageSize = 10
    /// Longest `customID`.
    public static let customIDLength = 100
    /// Most items in one list parameter (`ids`, `uuids` + `gsms`…); more is `SMS43`.
    public static let listParameterLimit = 1000
    /// Longest range of `/sms/inquiry-number`, in months; more is `SMS31`.
    public static let inquiryRangeMonths = 3
    /// Longest package title, group title, contact name and sender-side label, in characters. The document gives
    /// none; the mock keeps what it is sent, so everything it keeps is bounded (README, "Limits").
    public static let titleLength = 255
    /// Longest message text (`content`, a recipient's `msg`), in characters: 30 segments of Turkish UCS-2.
    public static let contentLength = 2_000
    /// Longest value of a contact's custom field, in characters, and most custom fields on one contact.
    public static let detailLength = 1_000
    public static let detailCount = 100
    /// Longest `pushSettings.url`.
    public static let urlLength = 2_048

    /// `customID`: up to 100 characters, each a letter (Turkish letters too: the document says "harf"), a digit 0–9,
    /// `-` or `.`.
    public static func checkCustomID(_ value: String, field: String = "customID") throws(NodeAPIError) {
        guard !value.isEmpty, value.count <= customIDLength else {
            throw .invalid(field, "must be 1 to \(customIDLength) characters")
        }
        for character in value where !(character.isLetter || ("0"..."9").contains(character) || character == "-" || character == ".") {
            throw .invalid(field, "may hold only letters (ğüşıöçİ too), the digits 0-9, '-' and '.'; '\(character)' is none of them")
        }
    }

    /// A text of at most `limit` characters.
    public static func checkLength(_ value: String?, _ field: String, limit: Int) throws(NodeAPIError) {
        guard let value, value.utf8.count > limit, value.count > limit else { return }
        throw .invalid(field, "must be at most \(limit) characters")
    }

    public static func checkValidity(_ value: Int?, otp: Bool) throws(NodeAPIError) {
        guard let value else { return }
        let range = otp ? otpValidity : validity
        guard range.contains(value) else {
            throw .invalid("validity", "must be between \(range.lowerBound) and \(range.upperBound) minutes")
        }
    }

    public static func checkDate(_ value: WireDate?, _ field: String, style: WireDate.Style) throws(NodeAPIError) {
        guard let value, value.style != style else { return }
        throw .invalid(field, "must be written \(WireDate.pattern(style))")
    }

    /// `startDate` … `finishDate` in request style; a finish before the start is `SMS31`.
    public static func checkRange(start: WireDate?, finish: WireDate?, maxMonths: Int? = nil) throws(NodeAPIError) {
        try checkDate(start, "startDate", style: .minutes)
        try checkDate(finish, "finishDate", style: .minutes)
        guard let start, let finish else { return }
        if finish < start { throw NodeAPIError(.sms31, detail: "finishDate is before startDate") }
        if let maxMonths, start.adding(months: maxMonths) < finish {
            throw NodeAPIError(.sms31, detail: "the range is longer than \(maxMonths) months")
        }
    }

    public static func checkNotEmpty(_ value: String?, _ field: String) throws(NodeAPIError) {
        guard let value else { throw .invalid(field, "is required") }
        if value.trimmedASCIIWhitespace.isEmpty { throw .invalid(field, "must not be empty") }
    }

    public static func checkListLimit(_ count: Int, _ field: String) throws(NodeAPIError) {
        if count > listParameterLimit { throw NodeAPIError(.sms43, detail: "\(field) has \(count) items, at most \(listParameterLimit)") }
    }

    public static func checkNumber(_ number: GSMNumber, _ field: String) throws(NodeAPIError) {
        if !number.isValid { throw .invalid(field, "'\(number.raw)' is not a Turkish mobile number") }
    }
}
