@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): how much of a debt one liquidation may repay.

/// The close factor: the share of debt a single liquidation may repay.
///
/// Exact thresholds follow the contracts: Aave keeps the 50% factor only while
/// `healthFactor > CLOSE_FACTOR_HF_THRESHOLD` (0.95), so an account at exactly 0.95 can be
/// closed in full ("below (inclusive)" in the contract's comment).
public enum CloseFactor {
    /// Aave's default close factor, 50%.
    public static let aaveDefaultBps = 5_000
    /// Aave's health factor at or below which 100% may be repaid, 0.95.
    public static let aaveFullBelowOrAt = (numerator: 95, denominator: 100)
    /// Aave v3.3+: the reserve value ($2,000) below which 100% may be repaid.
    public static let aaveMinBaseForPartialUSD = 2_000
    /// Aave v3.3+: the value ($1,000) a partial liquidation must leave of debt and collateral.
    public static let aaveMinLeftoverUSD = 1_000

    /// A policy's two-level close factor: 100% when `health ≤ fullAtOrBelow`, else `partial`.
    @inlinable
    public static func twoLevel<N: MarginNumber>(health: N, fullAtOrBelow: N, partial: N) -> N {
        health <= fullAtOrBelow ? .one : partial
    }

    /// Aave's close factor for one debt reserve, values in USD (the base currency).
    ///
    /// v3.2: 50% when HF > 0.95. v3.3/v3.5: 50% only when also the reserve's collateral and
    /// debt are both at least $2,000 (dust positions are closed in full).
    @inlinable
    public static func aave<N: MarginNumber>(
        version: AaveVersion, healthFactor: N, reserveCollateralUSD: N, reserveDebtUSD: N
    ) -> N {
        let partial = N(bps: aaveDefaultBps)
        let aboveThreshold = healthFactor > N(ratio: aaveFullBelowOrAt.numerator, aaveFullBelowOrAt.denominator)
        switch version {
        case .v3_2:
            return aboveThreshold ? partial : .one
        case .v3_3, .v3_5:
            let minimum = N(aaveMinBaseForPartialUSD)
            let large = reserveCollateralUSD >= minimum && reserveDebtUSD >= minimum
            return aboveThreshold && large ? partial : .one
        }
    }

    /// The most debt of one reserve a liquidation may repay, in USD.
    ///
    /// v3.2 applies the factor to the reserve's own debt; v3.3+ applies it to the account's
    /// total debt and caps the reserve's debt at that (`min(reserve, factor × total)`).
    @inlinable
    public static func maxDebtToCover<N: MarginNumber>(
        version: AaveVersion, closeFactor: N, reserveDebtUSD: N, totalDebtUSD: N
    ) -> N {
        switch version {
        case .v3_2: reserveDebtUSD * closeFactor
        case .v3_3, .v3_5: N.minimum(reserveDebtUSD, totalDebtUSD * closeFactor)
        }
    }
}
