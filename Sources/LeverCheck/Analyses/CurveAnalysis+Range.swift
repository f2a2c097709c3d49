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
        // The argument is not clamped: `borrow_rate(2 * utilization)` can reach 200%, and the engine
        // evaluates the curve there. A plain `utilization` argument is bounded by its declared input.
        let x = argument
        switch curve.body {
        case .points(let points, _):
            return constantPoints(points, evaluator).map { pointsRange($0, over: x) }
                ?? points.reduce(Bounds.empty) { hull, p in hull.hull(evaluator.bounds(p.y)) }
        case .steps(let points, _):
            return constantPoints(points, evaluator).map { stepsRange($0, over: x) }
                ?? points.reduce(Bounds.empty) { hull, p in hull.hull(evaluator.bounds(p.y)) }
        case .expression(let e):
            if let k = constantKinked(e, evaluator) { return kinkedRange(k, over: x) }
            // The `kinked` builtin's bounds hold over utilization in [0%, 100%] only; the engine
            // extends its lines beyond, so a wider argument (`k(2 * utilization)`) is unknown.
            if mentionsKinked(e, depth: 0), !(x.lower >= 0 && x.upper <= 1) { return .unbounded }
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

    /// Piecewise linear, flat outside the points. Along one segment the engine's formula is
    /// monotone (each rounded step is), so over [a, b] its values lie in the hull of its values
    /// at a and b and, at each point inside, both its value there (computed on the segment
    /// before, which can miss the point's y by a rounding) and the point's y (where the next
    /// segment starts). Exact formula, not the ideal line: a proof must hold for the numbers the
    /// engine computes.
    static func pointsRange(_ ps: [(x: Double, y: Double)], over x: Bounds) -> Bounds {
        guard !x.isEmpty, !x.lower.isNaN, !x.upper.isNaN else { return ps.reduce(.empty) { $0.hull(.exactly($1.y)) } }
        let inside = ps.filter { $0.x > x.lower && $0.x < x.upper }.flatMap { [$0.y, interpolate(ps, at: $0.x)] }
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

    /// The engine's value (`CurveKernel.value`, same segment choice and operation order).
    static func interpolate(_ ps: [(x: Double, y: Double)], at x: Double) -> Double {
        guard let first = ps.first, let last = ps.last else { return .nan }
        if x <= first.x { return first.y }
        if x >= last.x { return last.y }
        guard let i = ps.firstIndex(where: { $0.x >= x }), i > 0 else { return first.y }
        let (a, b) = (ps[i - 1], ps[i])
        return a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)
    }

    /// A body that is exactly `kinked(…)` with constant arguments, as the engine reads it.
    static func constantKinked(_ e: Expr, _ evaluator: IntervalEvaluator)
        -> (base: Double, slope1: Double, kink: Double, slope2: Double)? {
        guard case .call(let name, let args, nil) = e.kind, name.text == "kinked" else {
            if case .paren(let inner) = e.kind { return constantKinked(inner, evaluator) }
            return nil
        }
        var values: [String: Double] = [:]
        for a in args {
            guard let label = a.label?.text, let v = evaluator.bounds(a.value).constant else { return nil }
            values[label] = v
        }
        guard let base = values["base"], let s1 = values["slope1"], let kink = values["kink"], let s2 = values["slope2"]
        else { return nil }
        return (base, s1, kink, s2)
    }

    /// Each line of the engine's formula is monotone (each rounded step is), so over [a, b] the
    /// values lie in the hull of the formula at a, b and, when the kink is inside, at the kink
    /// and where the second line starts.
    static func kinkedRange(_ k: (base: Double, slope1: Double, kink: Double, slope2: Double), over x: Bounds) -> Bounds {
        guard !x.isEmpty, !x.lower.isNaN, !x.upper.isNaN, x.lower.isFinite, x.upper.isFinite else { return .unbounded }
        func f(_ u: Double) -> Double {
            u <= k.kink ? k.base + k.slope1 * u / k.kink : k.base + k.slope1 + k.slope2 * (u - k.kink) / (1 - k.kink)
        }
        var values = [f(x.lower), f(x.upper)]
        if x.lower < k.kink && k.kink < x.upper { values += [f(k.kink), k.base + k.slope1] }
        guard values.allSatisfy({ !$0.isNaN }) else { return .unbounded }
        return values.reduce(Bounds.empty) { $0.hull(.exactly($1)) }
    }

    /// Whether `e` calls the `kinked` builtin anywhere.
    static func mentionsKinked(_ e: Expr, depth: Int) -> Bool {
        guard depth < 64 else { return true }
        switch e.kind {
        case .call(let name, let args, let filter):
            return name.text == "kinked" || args.contains { mentionsKinked($0.value, depth: depth + 1) }
                || (filter.map { mentionsKinked($0, depth: depth + 1) } ?? false)
        case .paren(let a), .unary(_, let a): return mentionsKinked(a, depth: depth + 1)
        case .binary(_, let a, let b): return mentionsKinked(a, depth: depth + 1) || mentionsKinked(b, depth: depth + 1)
        case .conditional(let c, let t, let f):
            return [c, t, f].contains { mentionsKinked($0, depth: depth + 1) }
        default: return false
        }
    }
}
