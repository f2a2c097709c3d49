import LeverSyntax

extension CurveAnalysis {
    /// Every value a curve can return for an argument in `argument`, for `IntervalEvaluator.function`.
    ///
    /// Lets proofs see through calls such as `borrow_rate(utilization)`. Wiring:
    /// `function: { name, args in symbols.curve(name.text).map { CurveAnalysis.range(of: $0, argument: args.first ?? .unbounded, evaluator: ev) } }`.
    /// A curve whose shape folds (`ConstantCurve`) is bounded by the engine's own formula over
    /// the argument's range; other `points`/`steps` give the hull of their y values; other
    /// expression bodies are evaluated with the parameter bound to `argument`. Unknown values
    /// make the result unbounded.
    public static func range(of curve: CurveDecl, argument x: Bounds, evaluator: IntervalEvaluator) -> Bounds {
        // The argument is not clamped: `borrow_rate(2 * utilization)` can reach 200%, and the engine
        // evaluates the curve there. A plain `utilization` argument is bounded by its declared input.
        if let shape = ConstantCurve(curve.body, fold: { evaluator.bounds($0).constant }) {
            return shape.range(over: x)
        }
        switch curve.body {
        case .points(let points, _), .steps(let points, _):
            return points.reduce(Bounds.empty) { hull, p in hull.hull(evaluator.bounds(p.y)) }
        case .expression(let e):
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

    /// Whether `e` calls the `kinked` builtin anywhere.
    static func mentionsKinked(_ e: Expr, depth: Int) -> Bool {
        guard depth < 64 else { return true }
        switch e.kind {
        case .call(let name, let args, let filter):
            return name.text == "kinked" || args.contains { mentionsKinked($0.value, depth: depth + 1) }
                || (filter.map { mentionsKinked($0, depth: depth + 1) } ?? false)
        case .paren(let a), .unary(_, let a): return mentionsKinked(a, depth: depth + 1)
        case .binary:
            // A chain of operators in a loop (`BinaryChain`): its length is not nesting.
            guard let chain = BinaryChain(e) else { return false }
            return ([chain.first] + chain.links.map(\.rhs)).contains { mentionsKinked($0, depth: depth + 1) }
        case .conditional(let c, let t, let f):
            return [c, t, f].contains { mentionsKinked($0, depth: depth + 1) }
        default: return false
        }
    }
}

extension ConstantCurve {
    /// Every value the engine computes for an argument in `x`. Between knots each piece of the
    /// formula is monotone (each rounded operation is), so the values lie in the hull of the
    /// formula at the ends of `x` and, at each knot inside, its value there (on the piece
    /// before, which can miss the knot's y by a rounding) and where the next piece starts.
    /// Bounding the engine's rounded numbers, not the ideal lines, keeps a proof true for what
    /// the engine computes.
    func range(over x: Bounds) -> Bounds {
        guard !x.isEmpty, !x.lower.isNaN, !x.upper.isNaN else { return .unbounded }
        var values = [value(at: x.lower), value(at: x.upper)]
        for knot in knots where x.lower < knot.x && knot.x < x.upper { values += [value(at: knot.x), knot.next] }
        guard !values.contains(where: \.isNaN) else { return .unbounded }
        return values.reduce(Bounds.empty) { $0.hull(.exactly($1)) }
    }

    /// Where the formula changes piece, and the value the next piece starts from.
    var knots: [(x: Double, next: Double)] {
        switch self {
        case .kinked(let base, let s1, let kink, _): [(kink, base + s1)]
        case .points(let xs, let ys), .steps(let xs, let ys): Array(zip(xs, ys))
        }
    }
}
