import Lever
import LeverTesting

/// The value of a policy's curve at one argument, as the engine computes it: a constant shape
/// (`points`, `steps`, `kinked`) by `ConstantCurve`, the engine's formula; another expression
/// body is evaluated with the argument bound.
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
        if let shape = ConstantCurve(curve.body, folder: folder) { return shape.value(at: x) }
        guard case .expression(let expr) = curve.body else { return nil }
        return evaluator(binding: curve.parameter.text, to: x, depth: depth).bounds(expr).constant
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
}
