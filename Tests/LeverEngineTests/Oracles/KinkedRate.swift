@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): Aave's two-slope interest-rate curve.

/// Aave v3's variable borrow rate: two linear slopes joined at the optimal utilization.
///
/// `base + slope1·u/optimal` up to and including the kink (Aave tests `u > optimal` for the
/// upper branch), `base + slope1 + slope2·(u − optimal)/(1 − optimal)` above it. So slope1 is
/// the whole rise up to the kink, unlike Compound's multiplier per unit of utilization
/// (`JumpRate`). Operation order is the contract's, so `Ray` reproduces its rays exactly. This
/// is Lever's `kinked(base:, slope1:, kink:, slope2:)`.
public struct KinkedRate<N: MarginNumber>: Sendable, Hashable {
    /// Rate at zero utilization.
    public let base: N
    /// Rise from zero utilization to the kink.
    public let slope1: N
    /// Utilization at the kink (Aave's optimal usage ratio), in [0, 1].
    public let kink: N
    /// Rise from the kink to full utilization.
    public let slope2: N

    /// A curve from its four parameters.
    public init(base: N, slope1: N, kink: N, slope2: N) {
        self.base = base
        self.slope1 = slope1
        self.kink = kink
        self.slope2 = slope2
    }

    /// The borrow rate at utilization `u` (expected in [0, 1]).
    @inlinable
    public func rate(at u: N) -> N {
        if u > kink {
            let excess = (u - kink) / (N.one - kink)
            return base + slope1 + slope2 * excess
        }
        // kink == 0 leaves only u ≤ 0 here: the base rate, without a 0/0.
        guard kink > .zero else { return base }
        return base + slope1 * u / kink
    }

    /// 0 below or at the kink, 1 above: which segment `rate(at:)` used (for `explain`).
    @inlinable
    public func segment(at u: N) -> Int { u > kink ? 1 : 0 }
}
