@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): Compound's jump-rate interest-rate curve.

/// Compound's rate model: a multiplier per unit of utilization, and a jump multiplier above the kink.
///
/// `base + multiplier·u` up to and including the kink (Compound tests `u <= kink`),
/// `base + multiplier·kink + jump·(u − kink)` above. Compound v2's `JumpRateModel` applies it
/// per block and Compound v3 (Comet) per second, each to its borrow and (Comet) supply curve;
/// those contracts truncate products (`mulFactor`), which `rate(at:rounding: .down)` follows.
public struct JumpRate<N: MarginNumber>: Sendable, Hashable {
    /// Rate at zero utilization.
    public let base: N
    /// Rate added per unit of utilization up to the kink.
    public let multiplier: N
    /// Utilization at the kink, in [0, 1].
    public let kink: N
    /// Rate added per unit of utilization above the kink.
    public let jumpMultiplier: N

    /// A curve from its four parameters.
    public init(base: N, multiplier: N, kink: N, jumpMultiplier: N) {
        self.base = base
        self.multiplier = multiplier
        self.kink = kink
        self.jumpMultiplier = jumpMultiplier
    }

    /// The rate at utilization `u`, products rounded as given (Compound truncates: `.down`).
    @inlinable
    public func rate(at u: N, rounding: Rounding = .halfUp) -> N {
        if u <= kink {
            return base + u.multiplied(by: multiplier, rounding: rounding)
        }
        let normal = base + kink.multiplied(by: multiplier, rounding: rounding)
        return normal + (u - kink).multiplied(by: jumpMultiplier, rounding: rounding)
    }
}
