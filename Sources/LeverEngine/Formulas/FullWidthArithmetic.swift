import LeverNumerics
// LeverEngine formulas: 256-bit intermediates for exact fixed-point math.

/// `a × b ÷ d` on unsigned 128-bit integers with a 256-bit intermediate and a rounding direction.
///
/// Solidity computes `a * b` in 256 bits; products of two rays (1e27 × 1e27 = 1e54) overflow
/// 128 bits, so the product is kept full width and divided with `dividingFullWidth`. The
/// rounding offset is added before the division exactly as Aave's libraries do:
/// `0` (down), `d − 1` (up), `d / 2` (half up).
public enum FullWidthArithmetic {
    /// `(a × b + offset) ÷ d`, or nil when `d` is zero or the quotient does not fit in 128 bits.
    ///
    /// nil plays the role of a Solidity revert: the caller reports it instead of crashing.
    @inlinable
    public static func mulDiv(_ a: UInt128, _ b: UInt128, _ d: UInt128, _ rounding: Rounding) -> UInt128? {
        guard d != 0 else { return nil }
        var (high, low) = a.multipliedFullWidth(by: b)
        let offset: UInt128
        switch rounding {
        case .down: offset = 0
        case .up: offset = d - 1
        case .halfUp: offset = d / 2
        }
        let (sum, carry) = low.addingReportingOverflow(offset)
        low = sum
        if carry {
            // high ≤ 2^128 − 2 for any product of two 128-bit values, so this cannot wrap.
            high += 1
        }
        guard high < d else { return nil }
        return d.dividingFullWidth((high: high, low: low)).quotient
    }

    /// The integer square root (floor) of a 128-bit value.
    ///
    /// Starts from the `Double` estimate and corrects it with exact integer comparisons, so the
    /// result is the true floor even where `Double` has too few digits (Drift's `nth_root(2)`).
    public static func squareRoot(_ n: UInt128) -> UInt128 {
        if n < 2 { return n }
        var r = UInt128(Double(n).squareRoot())
        while r > 0 && squareExceeds(r, n) { r -= 1 }
        while !squareExceeds(r + 1, n) { r += 1 }
        return r
    }

    /// Whether `r × r > n`, computed without overflow.
    @usableFromInline
    static func squareExceeds(_ r: UInt128, _ n: UInt128) -> Bool {
        let (high, low) = r.multipliedFullWidth(by: r)
        return high > 0 || low > n
    }

    /// The integer square root (floor) of the 256-bit value `high · 2^128 + low`.
    ///
    /// Used by the fixed-point `squareRoot()`, whose radicand is `raw × unit`.
    public static func squareRoot(high: UInt128, low: UInt128) -> UInt128 {
        if high == 0 { return squareRoot(low) }
        let estimate = (Double(high) * 0x1p128 + Double(low)).squareRoot()
        var r = estimate >= 0x1p128 ? UInt128.max : UInt128(estimate)
        while compareSquare(r, high, low) > 0 { r -= 1 }
        while r < UInt128.max && compareSquare(r + 1, high, low) <= 0 { r += 1 }
        return r
    }

    /// The sign of `r × r − (high · 2^128 + low)`.
    static func compareSquare(_ r: UInt128, _ high: UInt128, _ low: UInt128) -> Int {
        let (h, l) = r.multipliedFullWidth(by: r)
        if h != high { return h < high ? -1 : 1 }
        if l != low { return l < low ? -1 : 1 }
        return 0
    }
}
