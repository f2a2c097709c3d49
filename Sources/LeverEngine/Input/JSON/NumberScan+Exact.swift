// A second exact path for the numbers Clinger's cannot take: 16–19 significant digits (more than
// 53 bits) with a fraction of up to 22 digits, such as `160001.89643870218`. That is the shape of
// most quantities in real books (a computed notional ÷ price, printed at full precision), and
// `strtod` costs about 150 ns each. Here a candidate is computed in doubles and then *proved*
// correctly rounded with 128-bit integer arithmetic; when the proof does not go through (an
// exact tie, a binade edge, or a product that would not fit) the caller falls back to `strtod`.

extension NumberScan {
    /// Powers of ten 10^0 … 10^22 as 128-bit integers (10^22 < 2^74).
    static let integerPowers: [UInt128] = {
        var out: [UInt128] = [1]
        for _ in 1...22 { out.append(out[out.count - 1] * 10) }
        return out
    }()

    /// The value of `mantissa × 10^exponent` for `exponent` in −22 … −1, correctly rounded, or nil.
    var provenValue: Double? {
        guard !truncated, mantissa > 0, exponent < 0, exponent >= -22 else { return nil }
        let k = -exponent
        let guess = Double(mantissa) / Self.exactPowers[k]  // within one ulp of the true value
        // Three candidates, unrolled: an array literal here would allocate once per number.
        let candidate: Double
        if isNearest(guess, k: k) {
            candidate = guess
        } else if isNearest(guess.nextDown, k: k) {
            candidate = guess.nextDown
        } else if isNearest(guess.nextUp, k: k) {
            candidate = guess.nextUp
        } else {
            return nil
        }
        return negative ? -candidate : candidate
    }

    /// True when `d` is strictly nearer than half an ulp to mantissa ÷ 10^k.
    ///
    /// With d = m × 2^−s: |mantissa ÷ 10^k − m × 2^−s| < 2^−s ÷ 2  ⇔  2·|mantissa × 2^s − m × 10^k| < 10^k.
    private func isNearest(_ d: Double, k: Int) -> Bool {
        guard d.isNormal, d > 0, d.significandBitPattern != 0 else { return false }  // not at a binade edge
        let m = UInt128(d.significandBitPattern | (1 << 52))
        let s = 52 - Int(d.exponent)
        guard s > 0, s + (64 - mantissa.leadingZeroBitCount) <= 126 else { return false }
        let a = UInt128(mantissa) << s
        let b = m * Self.integerPowers[k]  // < 2^53 × 2^74 = 2^127
        let gap = a > b ? a - b : b - a
        return gap < (UInt128(1) << 126) && 2 * gap < Self.integerPowers[k]
    }
}
