import Lever
import LeverTesting

/// The value of a policy's curve at one argument, as the engine computes it: `points`
/// interpolate linearly and hold their end values outside, `steps` hold each value up to the next
/// point, and an expression body (including `kinked`) is evaluated with the argument bound.
///
/// Expression bodies go through the checker's `IntervalEvaluator` with the argument as a point
/// interval, so every builtin the proofs know is available without a second evaluator; the result
/// is a number only when the interval collapses to one (params folded, no market data).
struct CurveValues {
    let symbols: SymbolTable
    let folder: ConstantFolder
    let sampler: CurveSampler
    /// Curves calling curves nest at most this deep (the checker rejects cycles; this bounds the rest).
    static let maxDepth = 16

    init(_ checked: CheckResult) {
        symbols = checked.symbols
        folder = ConstantFolder(symbols: checked.symbols)
        sampler = CurveSampler(checked)
    }

    /// `curve` at `x` (base units), or nil when it is not a constant function of its argument.
    func value(_ curve: CurveDecl, at x: Double, depth: Int = 0) -> Double? {
        guard depth < Self.maxDepth else { return nil }
        switch curve.body {
        case .points(let points, _):
            return sampler.folded(points).map { Self.interpolate($0, at: x) }
        case .steps(let points, _):
            return sampler.folded(points).map { Self.hold($0, at: x) }
        case .expression(let expr):
            // The interval evaluator gives `kinked` as the hull of its knots: exact here instead.
            if let k = sampler.kinkedArguments(expr) {
                return Builtins.kinkedValue(base: k.base, slope1: k.slope1, kink: k.kink, slope2: k.slope2, at: x)
            }
            return evaluator(binding: curve.parameter.text, to: x, depth: depth).bounds(expr).constant
        }
    }

    /// Params fold, the curve's parameter is `x`, and curves called inside are evaluated in turn.
    private func evaluator(binding parameter: String, to x: Double, depth: Int) -> IntervalEvaluator {
        IntervalEvaluator(
            name: { expr in
                guard case .name(let name) = expr.kind else { return nil }
                if name == parameter { return .exactly(x) }
                return symbols.param(name).flatMap { folder.fold($0) }.map(Bounds.exactly)
            },
            literal: { UnitTable.quantity(of: $0)?.value },
            function: { name, args in
                guard let inner = symbols.curve(name.text), let arg = args.first?.constant else { return nil }
                return value(inner, at: arg, depth: depth + 1).map(Bounds.exactly)
            })
    }

    /// Piecewise-linear through `points` (x ascending), flat outside them.
    static func interpolate(_ points: [CurveSample], at x: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        if x <= first.x { return first.y }
        if x >= last.x { return last.y }
        let i = points.lastIndex { $0.x <= x } ?? 0
        let (a, b) = (points[i], points[min(i + 1, points.count - 1)])
        return b.x == a.x ? b.y : a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)
    }

    /// The value of the last point at or before `x` (the first point's value before it).
    static func hold(_ points: [CurveSample], at x: Double) -> Double {
        (points.last { $0.x <= x } ?? points.first)?.y ?? 0
    }
}
