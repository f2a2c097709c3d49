import LeverSyntax

extension CurveAnalysis {
    /// `kinked(base:, slope1:, kink:, slope2:)`: base and slopes at least 0, kink strictly
    /// inside (0%, 100%). Missing labels are the checker's to report, so they are skipped here.
    static func checkKinked(_ args: [Argument], evaluator: IntervalEvaluator) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for arg in args {
            guard let label = arg.label?.text, ["base", "slope1", "slope2", "kink"].contains(label) else { continue }
            guard let v = evaluator.bounds(arg.value).constant else {
                found.append(.kinkedNotConstant(label, at: arg.value.span))
                continue
            }
            let shown = ValueFormat.value(v, unit: ValueFormat.unit(in: arg.value) ?? "%")
            if label == "kink" {
                if !(v > 0 && v < 1) { found.append(.kinkOutOfRange(shown, at: arg.value.span)) }
            } else if v < 0 {
                found.append(.kinkedNegative(label, value: shown, at: arg.value.span))
            }
        }
        return found
    }

    /// An expression rate curve: evaluated at every 1% of utilization; a fall between two samples
    /// is a warning (sampling cannot prove the curve monotone, but it can catch a fall).
    static func sample(_ curve: CurveDecl, _ body: Expr, evaluator: IntervalEvaluator) -> [Diagnostic] {
        var values: [Double] = []
        for i in 0..<samples {
            let u = Double(i) / Double(samples - 1)
            guard let v = bound(evaluator, curve.parameter.text, to: u).bounds(body).constant else {
                return [.curveNotSampled(curve.name.text, at: body.span)]
            }
            values.append(v)
        }
        for i in 1..<values.count where values[i] < values[i - 1] - 1e-12 {
            let from = ValueFormat.value(Double(i - 1) / Double(samples - 1), unit: "%")
            let to = ValueFormat.value(Double(i) / Double(samples - 1), unit: "%")
            return [.curveMayDecrease(from: from, to: to, at: body.span)]
        }
        return []
    }

    /// The evaluator with the curve's parameter fixed to `value`.
    static func bound(_ evaluator: IntervalEvaluator, _ parameter: String, to value: Double) -> IntervalEvaluator {
        var e = evaluator
        let outer = evaluator.name
        e.name = { expr in
            if case .name(let n) = expr.kind, n == parameter { return .exactly(value) }
            return outer(expr)
        }
        return e
    }
}
