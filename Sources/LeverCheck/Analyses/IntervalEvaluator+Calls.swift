import LeverSyntax

/// Builtin calls over intervals. Aggregates range over an account's positions, which may be
/// none, so their intervals include the empty-set value 0.
extension IntervalEvaluator {
    func call(_ fn: Name, _ args: [Argument], depth: Int) -> Bounds {
        if fn.text == "kinked" { return kinked(args, depth: depth) }
        // Under a scenario the market inputs move, so nothing proved of the snapshot carries over.
        if fn.text == "under" { return .unbounded }
        let xs = args.map { bounds($0.value, depth: depth) }
        switch (fn.text, xs.count) {
        case ("min", 1), ("max", 1), ("avg", 1): return xs[0].hull(.exactly(0))
        case ("sum", 1): return Self.sum(of: xs[0])
        case ("count", _): return .atLeast(0)
        case ("min", 2...): return xs.dropFirst().reduce(xs[0], Bounds.minimum)
        case ("max", 2...): return xs.dropFirst().reduce(xs[0], Bounds.maximum)
        case ("clamp", 3): return Bounds.clamp(xs[0], xs[1], xs[2])
        case ("abs", 1): return xs[0].magnitude
        case ("sqrt", 1): return xs[0].squareRoot
        case ("exp", 1): return xs[0].exponential
        case ("ln", 1): return xs[0].logarithm
        case ("floor", 1): return xs[0].rounded(.down)
        case ("ceil", 1): return xs[0].rounded(.up)
        case ("round", 1): return xs[0].rounded(.toNearestOrAwayFromZero)
        case ("ncdf", 1): return xs[0].isEmpty ? xs[0] : Bounds(0, 1)
        case ("npdf", 1): return xs[0].isEmpty ? xs[0] : Bounds(0, 1 / (2 * Double.pi).squareRoot())
        default: return function(fn, xs) ?? .unbounded
        }
    }

    /// A sum of any number of terms from `x`: its sign is all that is known.
    static func sum(of x: Bounds) -> Bounds {
        if x.isEmpty { return .exactly(0) }
        if x.constant == 0 { return .exactly(0) }
        if x.lower >= 0 { return .atLeast(0) }
        if x.upper <= 0 { return .atMost(0) }
        return .unbounded
    }

    /// `kinked(base:, slope1:, kink:, slope2:)` over utilization in [0%, 100%]: piecewise linear
    /// through the knots (0, base), (kink, base + slope1), (1, base + slope1 + slope2), so its
    /// values lie between the knot values.
    func kinked(_ args: [Argument], depth: Int) -> Bounds {
        let labelled = Dictionary(args.compactMap { a in a.label.map { ($0.text, a.value) } },
                                  uniquingKeysWith: { first, _ in first })
        guard let b = labelled["base"], let s1 = labelled["slope1"], let s2 = labelled["slope2"] else {
            return .unbounded
        }
        let base = bounds(b, depth: depth), atKink = base + bounds(s1, depth: depth)
        let top = atKink + bounds(s2, depth: depth)
        return base.hull(atKink).hull(top)
    }
}
