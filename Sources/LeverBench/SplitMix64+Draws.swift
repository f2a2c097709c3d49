import LeverNumerics

/// The draws the book generator makes.
extension SplitMix64 {
    /// Uniform in [0, 1), from the top 53 bits (every value a `Double` can hold exactly).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in [lower, upper).
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unit()
    }

    /// Uniform integer in `0..<bound` (Lemire's multiply-shift; the bias is below 2⁻⁵⁸ here).
    public mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
