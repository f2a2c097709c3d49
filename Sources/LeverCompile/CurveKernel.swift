import LeverNumerics

/// A curve's shape with its constants in the evaluation's number type.
struct CurveKernel<N: MarginNumber>: Sendable {
    enum Shape: Sendable {
        case kinked(base: N, slope1: N, kink: N, slope2: N)
        case points(xs: [N], ys: [N])
        case steps(xs: [N], ys: [N])
    }
    let shape: Shape

    init(_ plan: CurvePlan) {
        func n(_ v: Double) -> N { N(approximating: v) }
        switch plan {
        case .kinked(let base, let s1, let kink, let s2):
            shape = .kinked(base: n(base), slope1: n(s1), kink: n(kink), slope2: n(s2))
        case .points(let xs, let ys): shape = .points(xs: xs.map(n), ys: ys.map(n))
        case .steps(let xs, let ys): shape = .steps(xs: xs.map(n), ys: ys.map(n))
        }
    }

    /// The curve at `x`. Kinked: `base + slope1·x/kink` up to the kink (inclusive), then
    /// `base + slope1 + slope2·(x − kink)/(1 − kink)`. Points: linear between points, flat beyond
    /// the ends. Steps: the value of the last step whose x is ≤ the input (the first step below it).
    @inline(__always)
    func value(_ x: N) -> N {
        switch shape {
        case .kinked(let base, let s1, let kink, let s2):
            if x <= kink { return base + s1 * x / kink }
            return base + s1 + s2 * (x - kink) / (N.one - kink)
        case .points(let xs, let ys):
            guard let last = xs.indices.last else { return N.zero }
            if x <= xs[0] { return ys[0] }
            if x >= xs[last] { return ys[last] }
            var i = 1
            while xs[i] < x { i += 1 }
            return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1])
        case .steps(let xs, let ys):
            guard !xs.isEmpty else { return N.zero }
            var i = 0
            while i + 1 < xs.count, xs[i + 1] <= x { i += 1 }
            return ys[i]
        }
    }
}
