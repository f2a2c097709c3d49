import LeverSyntax

extension CurveAnalysis {
    /// Every value a curve can return for an argument in `argument`, for `IntervalEvaluator.function`.
    ///
    /// Lets proofs see through calls such as `borrow_rate(utilization)`. Wiring:
    /// `function: { name, args in symbols.curve(name.text).map { CurveAnalysis.range(of: $0, argument: args.first ?? .unbounded, evaluator: ev) } }`.
    /// `points` and `steps` give the hull of the y values of the points that can apply (the
    /// engine holds the end values flat outside the points, so the hull stays sound); a
    /// `kinked` or other expression body is evaluated with the parameter bound to `argument`
    /// (utilization is also limited to [0%, 100%]). Unknown y values make the result unbounded.
    public static func range(of curve: CurveDecl, argument: Bounds, evaluator: IntervalEvaluator) -> Bounds {
        let x = curve.parameter.text == "utilization" ? argument.intersection(Bounds(0, 1)) : argument
        switch curve.body {
        case .points(let points, _):
            return constantPoints(points, evaluator).map { pointsRange($0, over: x) }
                ?? points.reduce(Bounds.empty) { hull, p in hull.hull(evaluator.bounds(p.y)) }
        case .steps(let points, _):
            return constantPoints(points, evaluator).map { stepsRange($0, over: x) }
                ?? points.reduce(Bounds.empty) { hull, p in hull.hull(evaluator.bounds(p.y)) }
        case .expression(let e):
            var bound = evaluator
            let outer = evaluator.name, parameter = curve.parameter.text
            bound.name = { expr in
                if case .name(let n) = expr.kind, n == parameter { return x }
                return outer(expr)
            }
            return bound.bounds(e)
        }
    }

    /// The points as numbers, in x order, when every x and y folds (nil otherwise).
    static func constantPoints(_ points: [CurvePoint], _ evaluator: IntervalEvaluator) -> [(x: Double, y: Double)]? {
        var out: [(x: Double, y: Double)] = []
        for p in points {
            guard let x = evaluator.bounds(p.x).constant, let y = evaluator.bounds(p.y).constant else { return nil }
            out.append((x, y))
        }
        return out.isEmpty || zip(out, out.dropFirst()).contains { $0.x > $1.x } ? nil : out
    }

    /// Piecewise linear, flat outside the points: between two points the values lie between
    /// their ys, so over [a, b] the range is the hull of f(a), f(b) and the ys of the points inside.
    static func pointsRange(_ ps: [(x: Double, y: Double)], over x: Bounds) -> Bounds {
        guard !x.isEmpty, x.lower.isFinite, x.upper.isFinite else { return ps.reduce(.empty) { $0.hull(.exactly($1.y)) } }
        let inside = ps.filter { $0.x > x.lower && $0.x < x.upper }.map(\.y)
        return ([interpolate(ps, at: x.lower), interpolate(ps, at: x.upper)] + inside)
            .reduce(Bounds.empty) { $0.hull(.exactly($1)) }
    }

    /// Each y holds from its x to the next x (the first also below it, the last above it).
    static func stepsRange(_ ps: [(x: Double, y: Double)], over x: Bounds) -> Bounds {
        guard !x.isEmpty else { return .empty }
        let first = ps.lastIndex { $0.x <= x.lower } ?? 0
        let last = ps.lastIndex { $0.x <= x.upper } ?? 0
        return ps[first...max(first, last)].reduce(Bounds.empty) { $0.hull(.exactly($1.y)) }
    }

    static func interpolate(_ ps: [(x: Double, y: Double)], at x: Double) -> Double {
        guard let first = ps.first, let last = ps.last else { return .nan }
        if x <= first.x { return first.y }
        if x >= last.x { return last.y }
        guard let i = ps.firstIndex(where: { $0.x >= x }), i > 0 else { return first.y }
        let (a, b) = (ps[i - 1], ps[i])
        return b.x == a.x ? b.y : a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)
    }
}
