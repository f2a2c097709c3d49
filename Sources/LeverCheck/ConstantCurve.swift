import LeverNumerics
import LeverSyntax

/// A curve whose shape folds to numbers: `points`, `steps`, or a `kinked(…)` body with constant
/// arguments.
///
/// The one reading of such a curve outside the engine: proofs, the REPL's plots, `lever doc` and
/// `lever diff` all evaluate it here, with the formula the engine's kernel runs (`CurveFormula`),
/// so they see the engine's very rounding. Other expression bodies are not constant curves; they
/// are evaluated as expressions.
public enum ConstantCurve: Sendable, Hashable {
    case kinked(base: Double, slope1: Double, kink: Double, slope2: Double)
    /// Linear between the points (x ascending), flat beyond the ends.
    case points(xs: [Double], ys: [Double])
    /// Each y from its x up to the next x; the first y also below it.
    case steps(xs: [Double], ys: [Double])

    /// The folded shape of `body`; nil when a number in it does not fold to a finite value or
    /// the body is an expression other than `kinked(…)` with its four labelled arguments.
    public init?(_ body: CurveBody, fold: (Expr) -> Double?) {
        func value(_ e: Expr) -> Double? { fold(e).flatMap { $0.isFinite ? $0 : nil } }
        switch body {
        case .points(let ps, _), .steps(let ps, _):
            var xs: [Double] = [], ys: [Double] = []
            for p in ps {
                guard let x = value(p.x), let y = value(p.y) else { return nil }
                xs.append(x)
                ys.append(y)
            }
            guard !xs.isEmpty else { return nil }
            if case .points = body { self = .points(xs: xs, ys: ys) } else { self = .steps(xs: xs, ys: ys) }
        case .expression(let e):
            guard let k = Self.kinkedArguments(e, fold: { value($0) }) else { return nil }
            self = .kinked(base: k.base, slope1: k.slope1, kink: k.kink, slope2: k.slope2)
        }
    }

    /// The folded shape of `body`, with params folded by `folder`.
    public init?(_ body: CurveBody, folder: ConstantFolder) {
        self.init(body, fold: { folder.fold($0) })
    }

    /// The four numbers of a `kinked(base:, slope1:, kink:, slope2:)` call (through parentheses),
    /// or nil when `expr` is not one or an argument does not fold.
    private static func kinkedArguments(_ expr: Expr, fold: (Expr) -> Double?)
        -> (base: Double, slope1: Double, kink: Double, slope2: Double)? {
        if case .paren(let inner) = expr.kind { return kinkedArguments(inner, fold: fold) }
        guard case .call(let name, let args, nil) = expr.kind, name.text == "kinked" else { return nil }
        var values: [String: Double] = [:]
        for arg in args {
            guard let label = arg.label?.text, let v = fold(arg.value) else { return nil }
            values[label] = v
        }
        guard let base = values["base"], let s1 = values["slope1"], let kink = values["kink"], let s2 = values["slope2"]
        else { return nil }
        return (base, s1, kink, s2)
    }

    /// Where a `kinked` curve bends; nil for points and steps.
    public var kink: Double? {
        if case .kinked(_, _, let kink, _) = self { return kink }
        return nil
    }

    /// The value at `x`, as the engine computes it (`CurveFormula`).
    public func value(at x: Double) -> Double {
        switch self {
        case .kinked(let base, let s1, let kink, let s2): CurveFormula.kinked(base: base, slope1: s1, kink: kink, slope2: s2, at: x)
        case .points(let xs, let ys): CurveFormula.points(xs: xs, ys: ys, at: x)
        case .steps(let xs, let ys): CurveFormula.steps(xs: xs, ys: ys, at: x)
        }
    }
}
