/// The ports `serve` listens on when none is given (the README's table), and the recording proxy's.
@usableFromInline package enum DefaultPort {
    @usableFromInline package static let nodeAPI = 9587
    package static let nodeAPITLS = 9588
    package static let proxy = 9589
    @usableFromInline package static let iys = 9590
    @usableFromInline package static let euromsg = 9591
    package static let admin = 9580
}
