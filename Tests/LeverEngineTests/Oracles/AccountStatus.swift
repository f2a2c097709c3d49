@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): account status from a health measure.

/// How an account stands: what the engine reports and what triggers a liquidation plan.
public enum AccountStatus: String, Sendable, Hashable, CaseIterable {
    /// Above every threshold.
    case healthy
    /// Below the margin-call threshold, at or above the liquidation threshold.
    case marginCall = "margin_call"
    /// Below the liquidation threshold.
    case liquidatable
}

/// How a health value is compared to a threshold.
///
/// Lever's default is strict `<`, as Aave's `validateLiquidationCall` requires
/// `healthFactor < HEALTH_FACTOR_LIQUIDATION_THRESHOLD` (1e18): an account exactly at 1.0 is not
/// liquidatable. `atOrBelow` is for policies that write `health <= …`.
public enum ThresholdTrigger: Sendable, Hashable {
    /// Triggers when `value < threshold`.
    case below
    /// Triggers when `value ≤ threshold`.
    case atOrBelow

    /// Whether `value` trips `threshold` under this trigger.
    @inlinable
    public func fires<N: MarginNumber>(_ value: N, _ threshold: N) -> Bool {
        switch self {
        case .below: value < threshold
        case .atOrBelow: value <= threshold
        }
    }
}

extension AccountStatus {
    /// The status of a health value: liquidation is checked first, then the margin call.
    ///
    /// An invalid value (NaN, fixed-point overflow) is reported as liquidatable: an account
    /// whose health cannot be computed must not pass as healthy.
    @inlinable
    public static func of<N: MarginNumber>(
        health: N, liquidateBelow: N, marginCallBelow: N, trigger: ThresholdTrigger = .below
    ) -> AccountStatus {
        guard health.isValid else { return .liquidatable }
        if trigger.fires(health, liquidateBelow) { return .liquidatable }
        if trigger.fires(health, marginCallBelow) { return .marginCall }
        return .healthy
    }
}
