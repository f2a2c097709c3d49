@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): the rate suppliers earn.

/// What suppliers earn: `borrow rate × utilization × (1 − reserve factor)`.
///
/// Interest paid by borrowers is spread over all supplied funds (hence × utilization) after
/// the protocol keeps its reserve factor. The order of operations is Aave's
/// (`borrowRate.rayMul(usage).percentMul(1e4 − RF)`), so `Ray` reproduces it to the last unit:
/// `rayMul` by `(1e4 − RF)·1e23` equals `percentMul` by `1e4 − RF`. Compound v3 (Comet) has
/// its own supply curve instead (`JumpRate` with supply parameters).
public enum SupplyRate {
    /// `borrowRate × utilization × (1 − reserveFactor)`.
    @inlinable
    public static func from<N: MarginNumber>(borrowRate: N, utilization: N, reserveFactor: N) -> N {
        borrowRate * utilization * (N.one - reserveFactor)
    }
}
