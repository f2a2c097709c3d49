/// The curve formulas the engine runs, generic over the number type, so the engine's kernel
/// and every reader of a constant curve (proofs, plots, `lever doc`, `lever diff`) compute the
/// same bits: one segment choice, one order of operations.
public enum CurveFormula {
    /// `base + slope1·x/kink` up to the kink (inclusive), then
    /// `base + slope1 + slope2·(x − kink)/(1 − kink)`.
    @inlinable @inline(__always)
    public static func kinked<N: MarginNumber>(base: N, slope1: N, kink: N, slope2: N, at x: N) -> N {
        if x <= kink { return base + slope1 * x / kink }
        return base + slope1 + slope2 * (x - kink) / (N.one - kink)
    }

    /// Linear between points (`xs` ascending), flat beyond the ends; at a point's x the segment
    /// before it is used.
    @inlinable @inline(__always)
    public static func points<N: MarginNumber>(xs: [N], ys: [N], at x: N) -> N {
        guard let last = xs.indices.last else { return N.zero }
        if x <= xs[0] { return ys[0] }
        if x >= xs[last] { return ys[last] }
        var i = 1
        while xs[i] < x { i += 1 }
        return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1])
    }

    /// The value of the last step whose x is ≤ the input (the first step below it).
    @inlinable @inline(__always)
    public static func steps<N: MarginNumber>(xs: [N], ys: [N], at x: N) -> N {
        guard !xs.isEmpty else { return N.zero }
        var i = 0
        while i + 1 < xs.count, xs[i + 1] <= x { i += 1 }
        return ys[i]
    }
}
