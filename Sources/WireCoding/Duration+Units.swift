extension Duration {
    /// The duration in seconds, for `Date` arithmetic, NIO's `TimeAmount` and the admin API's `seconds` fields.
    package var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// The duration in whole milliseconds, rounded toward zero and bounded to `Int64` (a scenario may write any
    /// duration: the arithmetic cannot trap).
    package var wholeMilliseconds: Int64 {
        let (whole, overflow) = components.seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return components.seconds < 0 ? .min : .max }
        let (sum, overflowed) = whole.addingReportingOverflow(components.attoseconds / 1_000_000_000_000_000)
        return overflowed ? (whole < 0 ? .min : .max) : sum
    }
}
