@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): any interest-rate curve a policy can declare.

/// One of the curve shapes a policy can declare, evaluated by one exhaustive switch.
///
/// The compiler hoists the curve of each asset into the per-snapshot asset table, so this
/// switch runs once per asset and snapshot, not per position.
public enum RateCurve<N: MarginNumber>: Sendable, Hashable {
    /// Aave's two-slope curve (`kinked(base:, slope1:, kink:, slope2:)`).
    case kinked(KinkedRate<N>)
    /// Compound's multiplier/jump-multiplier curve.
    case jump(JumpRate<N>)
    /// Piecewise-linear points.
    case points(PointsCurve<N>)
    /// Steps.
    case steps(StepsCurve<N>)

    /// The rate at utilization `u`.
    @inlinable
    public func rate(at u: N) -> N {
        switch self {
        case .kinked(let curve): curve.rate(at: u)
        case .jump(let curve): curve.rate(at: u)
        case .points(let curve): curve.value(at: u)
        case .steps(let curve): curve.value(at: u)
        }
    }
}
