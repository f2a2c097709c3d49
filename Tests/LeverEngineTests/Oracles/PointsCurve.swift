@testable import LeverEngine
import LeverNumerics
// Test oracle (a hand-written formula the engine's results are checked against): piecewise-linear curves.

/// A piecewise-linear curve through points with strictly increasing x (Lever's `points { … }`).
///
/// Between two points the value is interpolated linearly; before the first point it holds the
/// first y, after the last the last y (rate curves are checked to cover [0%, 100%], so this
/// only matters for other curves). Evaluation scans the points and allocates nothing.
public struct PointsCurve<N: MarginNumber>: Sendable, Hashable {
    /// The x coordinates, strictly increasing.
    public let xs: [N]
    /// The y coordinates, one per x.
    public let ys: [N]

    /// nil unless there is at least one point, the counts match and x strictly increases.
    ///
    /// The checker reports these as diagnostics; the engine refuses them instead of trapping.
    public init?(xs: [N], ys: [N]) {
        guard !xs.isEmpty, xs.count == ys.count, zip(xs, xs.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return nil
        }
        self.xs = xs
        self.ys = ys
    }

    /// The interpolated value at `x`.
    @inlinable
    public func value(at x: N) -> N {
        let i = segment(at: x)
        if i < 0 { return ys[0] }
        if i >= xs.count - 1 { return ys[xs.count - 1] }
        let t = (x - xs[i]) / (xs[i + 1] - xs[i])
        return ys[i] + (ys[i + 1] - ys[i]) * t
    }

    /// The index of the point that starts the segment holding `x`: −1 before the first point,
    /// `count − 1` at or after the last (for `explain`).
    @inlinable
    public func segment(at x: N) -> Int {
        var i = -1
        while i + 1 < xs.count && xs[i + 1] <= x { i += 1 }
        return i
    }
}
