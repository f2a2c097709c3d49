import LeverSyntax

/// Shape checks for curves: points in order, rate curves non-decreasing and defined on all of
/// utilization [0%, 100%], and sane `kinked` parameters.
///
/// A curve whose parameter is `utilization` is a rate curve: a lending market's borrow rate
/// must rise (or stay flat) as the pool fills up, otherwise borrowers are paid to drain it, and
/// it must be defined for every utilization the pool can reach.
public enum CurveAnalysis {
    /// The sample count used for expression curves (every 1% of utilization).
    public static let samples = 101

    /// Checks one curve and returns its L05xx diagnostics.
    ///
    /// Wiring contract: call once per `CurveDecl` after names and units are checked (must run
    /// after `units`). `evaluator` must fold params to constants; CurveAnalysis binds the curve's
    /// own parameter itself (to each sampled value), so `name` need not know it. Label presence
    /// of `kinked(…)` is the checker's job; this checks the values.
    public static func check(_ curve: CurveDecl, evaluator: IntervalEvaluator) -> [Diagnostic] {
        let isRate = curve.parameter.text == "utilization"
        switch curve.body {
        case .points(let points, let span):
            return checkPoints(curve, points, span: span, holdsLast: false, isRate: isRate, evaluator: evaluator)
        case .steps(let points, let span):
            return checkPoints(curve, points, span: span, holdsLast: true, isRate: isRate, evaluator: evaluator)
        case .expression(let e):
            if case .call(let fn, let args, _) = e.kind, fn.text == "kinked" {
                return checkKinked(args, evaluator: evaluator)
            }
            return isRate ? sample(curve, e, evaluator: evaluator) : []
        }
    }

    /// A point with constant coordinates.
    struct Point {
        var x: Double
        var y: Double
        var source: CurvePoint
    }

    /// The points' values, or a note at the first point that does not fold to constants.
    static func constantPoints(_ curve: CurveDecl, _ points: [CurvePoint], evaluator: IntervalEvaluator)
        -> Result<[Point], CurveProblem> {
        var result: [Point] = []
        for p in points {
            guard let x = evaluator.bounds(p.x).constant, let y = evaluator.bounds(p.y).constant else {
                return .failure(CurveProblem(.curveNotConstant(curve.name.text, at: p.span)))
            }
            result.append(Point(x: x, y: y, source: p))
        }
        return .success(result)
    }

    /// A diagnostic wrapped as an error value, so that `Result` can carry it.
    struct CurveProblem: Error {
        var diagnostic: Diagnostic
        init(_ d: Diagnostic) { diagnostic = d }
    }

    static func checkPoints(_ curve: CurveDecl, _ points: [CurvePoint], span: Span, holdsLast: Bool,
                            isRate: Bool, evaluator: IntervalEvaluator) -> [Diagnostic] {
        let ps: [Point]
        switch constantPoints(curve, points, evaluator: evaluator) {
        case .success(let values): ps = values
        case .failure(let problem): return [problem.diagnostic]
        }
        let xUnit = ValueFormat.unit(in: points.map(\.x)) ?? (isRate ? "%" : nil)
        let yUnit = ValueFormat.unit(in: points.map(\.y))
        let order = orderErrors(ps, parameter: curve.parameter.text, unit: xUnit)
        guard order.isEmpty, isRate else { return order }
        return decreases(ps, xUnit: xUnit, yUnit: yUnit) + coverage(ps, span: span, holdsLast: holdsLast, unit: xUnit)
    }

    /// Each point whose x does not lie above the previous point's.
    static func orderErrors(_ ps: [Point], parameter: String, unit: String?) -> [Diagnostic] {
        zip(ps, ps.dropFirst()).compactMap { prev, p in
            p.x > prev.x ? nil : .curveOutOfOrder(parameter, x: ValueFormat.value(p.x, unit: unit),
                                                  previous: ValueFormat.value(prev.x, unit: unit),
                                                  at: p.source.x.span, previousAt: prev.source.x.span)
        }
    }

    /// Each pair of neighbouring points where a rate curve falls.
    static func decreases(_ ps: [Point], xUnit: String?, yUnit: String?) -> [Diagnostic] {
        zip(ps, ps.dropFirst()).compactMap { prev, p in
            p.y >= prev.y ? nil : .curveDecreases(
                from: ValueFormat.value(prev.x, unit: xUnit), to: ValueFormat.value(p.x, unit: xUnit),
                high: ValueFormat.value(prev.y, unit: yUnit), low: ValueFormat.value(p.y, unit: yUnit),
                at: p.source.span, previousAt: prev.source.span)
        }
    }

    /// The parts of utilization [0%, 100%] a points or steps curve leaves undefined.
    static func coverage(_ ps: [Point], span: Span, holdsLast: Bool, unit: String?) -> [Diagnostic] {
        guard let first = ps.first, let last = ps.last else { return [] }
        var found: [Diagnostic] = []
        if first.x > 0 {
            let gap = Bounds(0, min(first.x, 1), upperClosed: first.x > 1)
            found.append(.curveUncovered(ValueFormat.interval(gap, unit: unit), at: first.source.span,
                                         label: "first point is at \(ValueFormat.value(first.x, unit: unit))",
                                         help: "add a point at \(ValueFormat.value(0, unit: unit))"))
        }
        if !holdsLast, last.x < 1 {
            let gap = Bounds(max(last.x, 0), 1, lowerClosed: last.x < 0)
            found.append(.curveUncovered(ValueFormat.interval(gap, unit: unit), at: last.source.span,
                                         label: "last point is at \(ValueFormat.value(last.x, unit: unit))",
                                         help: "add a point at \(ValueFormat.value(1, unit: unit))"))
        }
        return found
    }
}
