/// The character repertoires of 3GPP TS 23.038: the GSM 7-bit default alphabet, its extension table
/// (characters that cost an escape septet), and the Turkish national single shift table.
enum GSMAlphabet {
    /// The default alphabet (one septet each), section 6.2.1.
    static let basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u{1B}ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars
    ).subtracting(["\u{1B}"])

    /// The default extension table (escape + one septet each), section 6.2.1.1.
    static let extensionTable: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)

    /// The Turkish single shift table (escape + one septet each), Annex A.2.1: the extension
    /// characters plus Ğ İ Ş ç ğ ı ş.
    static let turkishShift: Set<Unicode.Scalar> = extensionTable.union("ĞİŞçğış".unicodeScalars)
}
