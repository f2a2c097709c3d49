@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): Aave-style health factor.

/// Aave-style health factor: `Σ collateral value × liquidation threshold ÷ debt`.
///
/// Above 1 the account is safe; below 1 it can be liquidated. With no debt the ratio is
/// undefined, and Aave returns `type(uint256).max`: here it is `N.infinity` (`+∞` in `Double`,
/// printed as such), so a debt-free account can never fall below any threshold. Zero
/// collateral with debt gives 0.
public enum HealthFactor {
    /// `weightedCollateral ÷ debt`, or `N.infinity` when `debt` is not positive.
    @inlinable
    public static func of<N: MarginNumber>(weightedCollateral: N, debt: N) -> N {
        guard debt > .zero else { return .infinity }
        return weightedCollateral / debt
    }

    /// `Σ value × threshold` over collateral legs, then `÷ debt`.
    @inlinable
    public static func of<N: MarginNumber, C: Sequence>(collateral: C, debt: N) -> N
    where C.Element == (value: N, liquidationThreshold: N) {
        var weighted = N.zero
        for leg in collateral { weighted = weighted + leg.value * leg.liquidationThreshold }
        return of(weightedCollateral: weighted, debt: debt)
    }
}
