import LeverNumerics
// LeverEngine formulas: pool utilization.

/// The share of a lending pool that is lent out: `borrowed ÷ supplied`.
///
/// Defined outcomes instead of IEEE surprises: an empty pool (supplied ≤ 0) has utilization 0,
/// as Aave returns the base rate when total debt is 0, and the ratio is clamped to [0, 1]
/// because rate curves are only defined there (borrowed > supplied is a data error upstream).
/// Division rounds half up in fixed point, which is Aave's `totalDebt.rayDiv(liquidity + debt)`:
/// a quotient of two amounts at the same scale does not depend on the scale, so raw token
/// amounts can be passed as `Ray(raw:)`.
public enum Utilization {
    /// `borrowed ÷ supplied` clamped to [0, 1]; 0 when `supplied` is not positive.
    @inlinable
    public static func of<N: MarginNumber>(borrowed: N, supplied: N) -> N {
        guard supplied > .zero, borrowed > .zero else { return .zero }
        if borrowed >= supplied { return .one }
        return borrowed / supplied
    }

    /// Aave v3.2+ usage ratio: `debt ÷ (available liquidity + debt)`; 0 when there is no debt.
    @inlinable
    public static func aave<N: MarginNumber>(totalDebt: N, availableLiquidity: N) -> N {
        of(borrowed: totalDebt, supplied: availableLiquidity + totalDebt)
    }
}
