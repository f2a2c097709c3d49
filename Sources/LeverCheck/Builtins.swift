import LeverSyntax
import Foundation
import LeverNumerics

/// One builtin function: what the checker needs (arity, labels, unit rule), what the REPL's
/// `:doc` shows, and what the constant folder and compiler run.
///
/// Adding a builtin touches only `Builtins.all`; a test runs every example.
public struct Builtin: Sendable {
    /// How a builtin is used.
    public enum Kind: String, Sendable {
        /// An ordinary function of numbers.
        case function
        /// Runs over the positions of an account, with an optional `where` filter.
        case aggregate
        /// The shape of a curve; allowed only as a whole curve body.
        case curveShape
        /// `under(SCENARIO, x)`: `x` evaluated in the market a scenario's shocks make.
        case scenario
    }

    /// How the result's unit follows from the arguments'.
    public enum UnitRule: String, Sendable {
        /// All arguments share one dimension, which the result has.
        case same
        /// One argument; the result has half its dimension (odd money power is an error).
        case squareRoot
        /// Arguments and result are dimensionless.
        case dimensionless
        /// The result is a plain count.
        case count
        /// Every argument is a ratio; so is the result.
        case ratios
        /// Two arguments; the result has the first's dimension over the second's (`floor_div`).
        case quotient
    }

    public var name: String
    public var kind: Kind
    /// One line for `:doc` and completion.
    public var doc: String
    public var minArguments: Int
    /// `nil` means any number of arguments from `minArguments` on.
    public var maxArguments: Int?
    /// Required argument labels in order (`kinked`); empty when arguments are positional.
    public var labels: [String]
    public var unitRule: UnitRule
    /// A policy expression using the builtin, and what it evaluates to (base units).
    public var example: String
    public var exampleValue: Double?
    /// How to compute it from argument values in base units; `nil` for aggregates and shapes.
    public var implementation: (@Sendable ([Double]) -> Double)?

    /// Whether `count` arguments are allowed.
    public func accepts(count: Int) -> Bool {
        count >= minArguments && (maxArguments.map { count <= $0 } ?? true)
    }

    /// The argument count in words for messages: `1`, `2 or more`, `3`.
    public var arityText: String {
        guard let maxArguments else { return "\(minArguments) or more" }
        return minArguments == maxArguments ? "\(minArguments)" : "\(minArguments) to \(maxArguments)"
    }
}

/// The catalogue of builtin functions.
public enum Builtins {
    /// Every builtin; `min` and `max` appear twice, as a function (2+ arguments) and an aggregate (1).
    public static let all: [Builtin] = functions + aggregates + [kinked, under, worstLoss]

    /// The names of every builtin, for suggestions.
    public static var names: [String] { Array(Set(all.map(\.name))).sorted() }

    /// The builtin for a name and argument count: the aggregate form of `min`/`max` for one argument.
    public static func lookup(_ name: String, arguments count: Int) -> Builtin? {
        let candidates = all.filter { $0.name == name }
        return candidates.first { $0.accepts(count: count) } ?? candidates.first
    }

    /// Whether a name is a builtin at all.
    public static func isBuiltin(_ name: String) -> Bool { all.contains { $0.name == name } }

    /// Ordinary functions of numbers.
    public static let functions: [Builtin] = [
        fn("min", "the smallest of its arguments", 2, nil, .same, "min(5%, 2%)", 0.02) { $0.min() ?? 0 },
        fn("max", "the largest of its arguments", 2, nil, .same, "max(5%, 2%)", 0.05) { $0.max() ?? 0 },
        fn("clamp", "x limited to [lo, hi]: clamp(x, lo, hi)", 3, 3, .same, "clamp(50%, 10%, 40%)", 0.4) {
            Swift.min(Swift.max($0[0], $0[1]), $0[2])
        },
        fn("abs", "the absolute value", 1, 1, .same, "abs(-3 USD)", 3) { Swift.abs($0[0]) },
        fn("sqrt", "the square root; halves the dimension", 1, 1, .squareRoot, "sqrt(4)", 2) { $0[0].squareRoot() },
        fn("exp", "e raised to a plain number", 1, 1, .dimensionless, "exp(0)", 1) { Foundation.exp($0[0]) },
        fn("ln", "the natural logarithm of a plain number", 1, 1, .dimensionless, "ln(1)", 0) { Foundation.log($0[0]) },
        fn("ncdf", "the standard normal distribution function Φ(x) of a plain number", 1, 1, .dimensionless,
           "ncdf(0)", 0.5) { NormalDistribution.cdf($0[0]) },
        fn("npdf", "the standard normal density φ(x) = e^(−x²/2) ÷ √(2π) of a plain number", 1, 1, .dimensionless,
           "npdf(0)", 0.3989422804014327) { NormalDistribution.pdf($0[0]) },
        fn("floor", "rounded down to a whole number of base units", 1, 1, .same, "floor(2.7)", 2) { $0[0].rounded(.down) },
        fn("ceil", "rounded up to a whole number of base units", 1, 1, .same, "ceil(2.1)", 3) { $0[0].rounded(.up) },
        fn("round", "rounded to the nearest whole number of base units", 1, 1, .same, "round(2.5)", 3) {
            $0[0].rounded(.toNearestOrAwayFromZero)
        },
        fn("floor_div", "the whole quotient a ÷ b rounded down (toward −∞), exactly: floor_div(a, b)", 2, 2, .quotient,
           "floor_div(7, 2)", 3) { ($0[0] / $0[1]).rounded(.down) },
        fn("ceil_div", "the whole quotient a ÷ b rounded up (toward +∞), exactly: ceil_div(a, b)", 2, 2, .quotient,
           "ceil_div(7, 2)", 4) { ($0[0] / $0[1]).rounded(.up) },
        fn("isqrt", "the integer square root: the largest whole number whose square is at most x", 1, 1, .squareRoot,
           "isqrt(17)", 4) { $0[0].squareRoot().rounded(.down) },
    ] + roundings

    /// The directed roundings of a product or quotient: `rounded_down(debt * index)` is the
    /// product rounded toward zero at the policy's last decimal (`arithmetic { numbers = … }`).
    /// Each applies to the `*` and `/` written directly in its argument; `Double` arithmetic
    /// ignores the direction (a binary product is rounded to nearest).
    public static let roundings: [Builtin] = [
        fn("rounded_down", "a product or quotient rounded toward zero at the last decimal: rounded_down(a * b)", 1, 1,
           .same, "rounded_down(2 * 3)", 6) { $0[0] },
        fn("rounded_up", "a product or quotient rounded away from zero at the last decimal: rounded_up(a / b)", 1, 1,
           .same, "rounded_up(6 / 3)", 2) { $0[0] },
        fn("rounded_half_up", "a product or quotient rounded to nearest, ties away from zero (WadRayMath)", 1, 1,
           .same, "rounded_half_up(2 * 3)", 6) { $0[0] },
        fn("rounded_half_even", "a product or quotient rounded to nearest, ties to even", 1, 1,
           .same, "rounded_half_even(2 * 3)", 6) { $0[0] },
    ]

    /// The operator chain a rounding builtin rounds (`rounded_down(a * b / c)`): its argument, out
    /// of parentheses, when the chain holds a product or a quotient.
    public static func roundedOperation(_ expr: Expr) -> BinaryChain? {
        if case .paren(let inner) = expr.kind { return roundedOperation(inner) }
        guard let chain = BinaryChain(expr), chain.links.contains(where: { $0.op == .multiply || $0.op == .divide }) else {
            return nil
        }
        return chain
    }

    /// The direction a rounding builtin names (`rounded_down` → `.down`), nil for other names.
    /// The names are `rounded_` and the `arithmetic` block's word for the direction.
    public static func rounding(named name: String) -> Rounding? {
        guard name.hasPrefix("rounded_") else { return nil }
        return Arithmetic.rounding(word: String(name.dropFirst("rounded_".count)))
    }

    /// Aggregates over an account's positions.
    public static let aggregates: [Builtin] = [
        agg("sum", "the sum over the account's positions", .same, "sum(notional where side == long)"),
        agg("avg", "the mean over the account's positions (0 when none match)", .same, "avg(haircut)"),
        agg("min", "the smallest value over the account's positions", .same, "min(health)"),
        agg("max", "the largest value over the account's positions", .same, "max(notional)"),
        agg("count", "the number of positions matching the filter", .count, "count(positions where side == short)"),
    ]

    /// The label of a grouped aggregate's key: `sum(x, by: asset)`.
    public static let groupLabel = "by"
    /// What positions can be grouped by: the asset (a derivative's underlying), venue, class.
    public static let groupKeys = ["asset", "venue", "class"]

    /// The key of the first grouped aggregate inside an expression, if any, not looking into
    /// another aggregate (whose argument is its own): the expression is then evaluated once per
    /// group by an aggregate around it.
    public static func groupKey(in expr: Expr) -> String? {
        // Depth first, children in order, with a stack of its own: a sum of thousands of terms
        // is a chain that deep, which recursion would take off the thread's stack.
        var pending = [expr]
        while let next = pending.popLast() {
            if case .call(let name, let args, _) = next.kind {
                let plain = args.filter { $0.label?.text != groupLabel }
                if lookup(name.text, arguments: plain.count)?.kind == .aggregate {
                    guard let by = args.first(where: { $0.label?.text == groupLabel }) else { continue }
                    if case .name(let key) = by.value.kind { return key }
                    return ASTDump.dump(by.value)
                }
            }
            var children: [Expr] = []
            next.kind.forEachChild { children.append($0) }
            pending.append(contentsOf: children.reversed())
        }
        return nil
    }

    /// The two-slope rate curve shape.
    public static let kinked = Builtin(
        name: "kinked", kind: .curveShape,
        doc: "a two-slope rate curve: base + slope1 up to the kink, then slope2 above it",
        minArguments: 4, maxArguments: 4, labels: ["base", "slope1", "kink", "slope2"], unitRule: .ratios,
        example: "kinked(base: 0%, slope1: 4%, kink: 80%, slope2: 75%)", exampleValue: nil, implementation: nil)

    /// A stress result as a value: any expression, revalued under one scenario's shocks.
    public static let under = Builtin(
        name: "under", kind: .scenario,
        doc: "the value of an expression in the market a scenario's shocks make: under(crash, equity)",
        minArguments: 2, maxArguments: 2, labels: [], unitRule: .same,
        example: "equity - under(crash, equity)", exampleValue: nil, implementation: nil)

    /// The standalone stress requirement of a value: its worst weighted loss over the scenarios.
    public static let worstLoss = Builtin(
        name: "worst_loss", kind: .scenario,
        doc: "the largest loss of an expression over the policy's scenarios (its value now minus its value under the scenario, times the scenario's weight), never below 0",
        minArguments: 1, maxArguments: 1, labels: [], unitRule: .same,
        example: "worst_loss(market_value)", exampleValue: nil, implementation: nil)

    private static func fn(
        _ name: String, _ doc: String, _ lo: Int, _ hi: Int?, _ rule: Builtin.UnitRule, _ example: String,
        _ value: Double, _ body: @escaping @Sendable ([Double]) -> Double
    ) -> Builtin {
        Builtin(name: name, kind: .function, doc: doc, minArguments: lo, maxArguments: hi, labels: [],
                unitRule: rule, example: example, exampleValue: value, implementation: body)
    }

    private static func agg(_ name: String, _ doc: String, _ rule: Builtin.UnitRule, _ example: String) -> Builtin {
        Builtin(name: name, kind: .aggregate, doc: doc, minArguments: 1, maxArguments: 1, labels: [],
                unitRule: rule, example: example, exampleValue: nil, implementation: nil)
    }

    /// The value of `kinked` at utilization `u` (all ratios).
    public static func kinkedValue(base: Double, slope1: Double, kink: Double, slope2: Double, at u: Double) -> Double {
        guard kink > 0 else { return base + slope2 * u }
        if u <= kink { return base + slope1 * u / kink }
        let tail = kink < 1 ? (u - kink) / (1 - kink) : 0
        return base + slope1 + slope2 * tail
    }
}
