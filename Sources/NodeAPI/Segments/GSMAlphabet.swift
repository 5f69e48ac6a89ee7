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

    /// A 7-bit table as the segment count reads it: ASCII from an array (no hashing for the common case), the rest
    /// from the sets.
    struct Table: Sendable {
        let shift: Set<Unicode.Scalar>
        /// Septets of each ASCII scalar: 1 in the basic alphabet, 2 in the shift table, 0 in neither.
        let ascii: [UInt8]

        init(shift: Set<Unicode.Scalar>) {
            self.shift = shift
            ascii = (0..<128).map { value in
                guard let scalar = Unicode.Scalar(value) else { return 0 }
                return GSMAlphabet.basic.contains(scalar) ? 1 : shift.contains(scalar) ? 2 : 0
            }
        }

        /// The septets a scalar takes, or `nil` when the table cannot carry it.
        func septets(_ scalar: Unicode.Scalar) -> Int? {
            if scalar.value < 128 {
                let septets = Int(ascii[Int(scalar.value)])
                return septets == 0 ? nil : septets
            }
            if GSMAlphabet.basic.contains(scalar) { return 1 }
            return shift.contains(scalar) ? 2 : nil
        }
    }

    static let standard = Table(shift: extensionTable)
    static let turkish = Table(shift: turkishShift)
}
