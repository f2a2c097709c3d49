import LeverNumerics
// LeverEngine formulas: one liquidation of one debt against one collateral.

/// What one liquidation repays and seizes, in asset units.
public struct LiquidationFill<N: MarginNumber>: Sendable, Hashable {
    /// Debt repaid, in debt-asset units.
    public var debtRepaid: N
    /// Collateral seized including the bonus, in collateral-asset units.
    public var collateralSeized: N
    /// The bonus part of the seized collateral, in collateral-asset units.
    public var bonus: N
    /// Whether the seizure was capped by the collateral available.
    public var cappedByCollateral: Bool

    /// A fill from its parts.
    @inlinable
    public init(debtRepaid: N, collateralSeized: N, bonus: N, cappedByCollateral: Bool) {
        self.debtRepaid = debtRepaid
        self.collateralSeized = collateralSeized
        self.bonus = bonus
        self.cappedByCollateral = cappedByCollateral
    }
}

/// The liquidation exchange: debt repaid for collateral worth the same plus a bonus.
///
/// `seized = debt × price_debt × (1 + bonus) ÷ price_collateral`; when that exceeds the
/// collateral available, all of it is seized and only the debt it pays for (bonus included)
/// is repaid, `available × price_collateral ÷ (price_debt × (1 + bonus))`. The debt that then
/// remains with no collateral behind it is bad debt (`LiquidationPlan`).
public enum Liquidation {
    /// Collateral units seized for `debt` units repaid, bonus included.
    @inlinable
    public static func collateralSeized<N: MarginNumber>(debt: N, debtPrice: N, collateralPrice: N, bonus: N) -> N {
        debt * debtPrice * (N.one + bonus) / collateralPrice
    }

    /// Repays up to `debtToCover`, capped by `availableCollateral`; nothing when a price is not positive.
    @inlinable
    public static func fill<N: MarginNumber>(
        debtToCover: N, debtPrice: N, collateralPrice: N, bonus: N, availableCollateral: N
    ) -> LiquidationFill<N> {
        guard debtPrice > .zero, collateralPrice > .zero, debtToCover > .zero, availableCollateral > .zero else {
            return LiquidationFill(debtRepaid: .zero, collateralSeized: .zero, bonus: .zero, cappedByCollateral: false)
        }
        let factor = N.one + bonus
        let wanted = collateralSeized(debt: debtToCover, debtPrice: debtPrice, collateralPrice: collateralPrice, bonus: bonus)
        if wanted <= availableCollateral {
            return LiquidationFill(debtRepaid: debtToCover, collateralSeized: wanted,
                                   bonus: wanted - wanted / factor, cappedByCollateral: false)
        }
        let repaid = availableCollateral * collateralPrice / (debtPrice * factor)
        return LiquidationFill(debtRepaid: repaid, collateralSeized: availableCollateral,
                               bonus: availableCollateral - availableCollateral / factor, cappedByCollateral: true)
    }
}
