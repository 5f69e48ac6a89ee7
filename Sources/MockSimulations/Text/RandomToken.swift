/// Tokens the mocks issue outside a seeded world: letters and digits from the system's random source.
package enum RandomToken {
    package static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    package static func make(length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String(unsafeUninitializedCapacity: length) { bytes in
            for index in 0..<length { bytes[index] = alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
            return length
        }
    }
}
