// LeverNumerics: 256-bit intermediates for exact fixed-point math.

/// `a × b ÷ d` on unsigned 128-bit integers with a 256-bit intermediate and a rounding direction.
///
/// Solidity computes `a * b` in 256 bits; products of two rays (1e27 × 1e27 = 1e54) overflow
/// 128 bits, so the product is kept full width and divided with `dividingFullWidth`. The
/// rounding offset is added before the division exactly as Aave's libraries do:
/// `0` (down), `d − 1` (up), `d / 2` (half up).
public enum FullWidthArithmetic {
    /// `a × b ÷ d` rounded as `rounding` says, or nil when `d` is zero or the result does not
    /// fit in 128 bits.
    ///
    /// The quotient and remainder of the full-width division decide the last unit: `.down` keeps
    /// the quotient, `.up` adds one for any remainder, `.halfUp` when the remainder is at least
    /// half of `d` (Aave's `(a * b + d / 2) / d`), `.halfEven` when it is more than half, or
    /// exactly half and the quotient is odd. nil plays the role of a Solidity revert: the caller
    /// reports it instead of crashing.
    @inlinable
    public static func mulDiv(_ a: UInt128, _ b: UInt128, _ d: UInt128, _ rounding: Rounding) -> UInt128? {
        guard d != 0 else { return nil }
        let (high, low) = a.multipliedFullWidth(by: b)
        guard high < d else { return nil }
        let (quotient, remainder) = d.dividingFullWidth((high: high, low: low))
        // `remainder ≥ d − remainder` is `2 × remainder ≥ d` without overflowing.
        let bump = switch rounding {
        case .down: false
        case .up: remainder != 0
        case .halfUp: remainder != 0 && remainder >= d - remainder
        case .halfEven: remainder != 0 && (remainder > d - remainder || (remainder == d - remainder && quotient & 1 == 1))
        }
        guard bump else { return quotient }
        return quotient < .max ? quotient + 1 : nil
    }

    /// The integer square root (floor) of a 128-bit value (Drift's `nth_root(2)`).
    public static func squareRoot(_ n: UInt128) -> UInt128 { squareRoot(high: 0, low: n) }

    /// The integer square root (floor) of the 256-bit value `high · 2^128 + low`.
    ///
    /// Integer Newton iteration from a start at or above the root (the `Double` estimate plus a
    /// margin), which decreases monotonically to the floor; a unit-step correction from the
    /// estimate would take ~1e11 steps for a 1e54 radicand. `N ÷ x` is a full-width division,
    /// valid because any `x ≥ √N` exceeds `high`. Used by the fixed-point `squareRoot()`.
    public static func squareRoot(high: UInt128, low: UInt128) -> UInt128 {
        if high == 0 && low < 2 { return low }
        let estimate = (Double(high) * 0x1p128 + Double(low)).squareRoot() * (1 + 0x1p-40) + 2
        var x = estimate >= 0x1p128 ? UInt128.max : UInt128(estimate)
        while true {
            let quotient = x.dividingFullWidth((high: high, low: low)).quotient
            let next = x / 2 + quotient / 2 + ((x & 1) + (quotient & 1)) / 2
            if next >= x { return x }
            x = next
        }
    }
}
