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
        case .points(let points, _), .steps(let points, _):
            return points.reduce(Bounds.empty) { hull, p in hull.hull(evaluator.bounds(p.y)) }
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
}
