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

    /// The curve at `x` (`CurveFormula`, which proofs and plots read too).
    @inline(__always)
    func value(_ x: N) -> N {
        switch shape {
        case .kinked(let base, let s1, let kink, let s2): CurveFormula.kinked(base: base, slope1: s1, kink: kink, slope2: s2, at: x)
        case .points(let xs, let ys): CurveFormula.points(xs: xs, ys: ys, at: x)
        case .steps(let xs, let ys): CurveFormula.steps(xs: xs, ys: ys, at: x)
        }
    }
}
