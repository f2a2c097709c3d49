@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): step curves.

/// A step curve: each y holds from its x up to the next x (Lever's `steps { … }`).
///
/// Before the first x the first y applies, so a curve that starts above zero still has a
/// defined value; the checker requires rate curves to start at 0%.
public struct StepsCurve<N: MarginNumber>: Sendable, Hashable {
    /// The step starts, strictly increasing.
    public let xs: [N]
    /// The value from each start to the next.
    public let ys: [N]

    /// nil unless there is at least one step, the counts match and x strictly increases.
    public init?(xs: [N], ys: [N]) {
        guard !xs.isEmpty, xs.count == ys.count, zip(xs, xs.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return nil
        }
        self.xs = xs
        self.ys = ys
    }

    /// The value of the last step starting at or before `x` (the first step before all of them).
    @inlinable
    public func value(at x: N) -> N { ys[Swift.max(segment(at: x), 0)] }

    /// The index of the step holding `x`: −1 before the first step (for `explain`).
    @inlinable
    public func segment(at x: N) -> Int {
        var i = -1
        while i + 1 < xs.count && xs[i + 1] <= x { i += 1 }
        return i
    }
}
