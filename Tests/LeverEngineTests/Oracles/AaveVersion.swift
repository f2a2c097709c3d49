@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): which Aave v3 rules a policy follows.

/// The Aave v3 release whose liquidation and accounting rules a formula follows.
///
/// The "correct" liquidation differs between releases, so a policy names its version:
/// - `v3_2`: close factor 50% of the reserve's debt when HF > 0.95, else 100%; all half-up.
/// - `v3_3`: 50% of the *total* debt (in base currency) only while HF > 0.95 and the reserve's
///   collateral and debt are both ≥ $2,000; else 100%; leftover dust below $1,000 is refused;
///   bad debt is written off when no collateral remains; all half-up.
/// - `v3_5`: the v3.3 rules with directed rounding: collateral values floor, debt values ceil,
///   seized collateral `percentMulFloor`, bonus part by `percentDivFloor`, protocol fee
///   `percentMulCeil`, capped debt `percentDivCeil`.
public enum AaveVersion: String, Sendable, Hashable, CaseIterable {
    /// Aave v3.2.
    case v3_2 = "3.2"
    /// Aave v3.3 (also v3.4).
    case v3_3 = "3.3"
    /// Aave v3.5.
    case v3_5 = "3.5"
}
