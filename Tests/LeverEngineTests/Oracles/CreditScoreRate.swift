@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): score-based credit terms.

/// TrueFi's credit-score rate adjustment: a premium that grows as the score falls.
///
/// `min(coefficient · (maxScore/score)^power − coefficient, cap)`, 0 at the best score and the
/// cap for score 0; TrueFi computes it in integer bps with truncating division
/// (`coefficient · maxScore^p ÷ score^p`).
public enum CreditScoreRate {
    /// The adjustment in bps, exactly as TrueFi's `creditScoreAdjustmentRate`; nil on overflow.
    public static func adjustmentBps(score: UInt128, coefficientBps: UInt128, power: Int,
                                     maxScore: UInt128 = 255, capBps: UInt128 = 50_000) -> UInt128? {
        guard score != 0 else { return capBps }
        guard let top = pow(maxScore, power), let bottom = pow(score, power),
              let scaled = WadRayMath.mulDiv(coefficientBps, top, bottom, .down) else { return nil }
        return min(scaled > coefficientBps ? scaled - coefficientBps : 0, capBps)
    }

    /// The adjustment as a rate for policies: `min(coefficient·((maxScore/score)^power − 1), cap)`.
    @inlinable
    public static func adjustment<N: MarginNumber>(score: N, coefficient: N, power: Int, maxScore: N, cap: N) -> N {
        guard score > .zero else { return cap }
        var ratio = N.one
        let base = maxScore / score
        for _ in 0..<Swift.max(power, 0) { ratio = ratio * base }
        return N.minimum(N.maximum(coefficient * (ratio - N.one), .zero), cap)
    }

    /// `base^exponent`, nil on overflow.
    static func pow(_ base: UInt128, _ exponent: Int) -> UInt128? {
        var result: UInt128 = 1
        for _ in 0..<max(exponent, 0) {
            let (next, overflow) = result.multipliedReportingOverflow(by: base)
            guard !overflow else { return nil }
            result = next
        }
        return result
    }
}
