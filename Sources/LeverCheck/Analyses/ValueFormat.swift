import Foundation
import LeverSyntax

/// Shows base-unit values in the unit the policy author wrote, for diagnostic messages.
///
/// A gap in a tier table keyed by score reads `[500, 520)`, one in a rate curve reads
/// `[0%, 10%)`: the unit comes from a literal the author wrote nearby (`unit(in:)`).
enum ValueFormat {
    /// The first unit word written in an expression (`%` in `[0%, 100%]`), if any.
    static func unit(in expr: Expr) -> String? {
        unit(in: expr, depth: 0)
    }

    private static func unit(in expr: Expr, depth: Int) -> String? {
        guard depth < 64 else { return nil }
        switch expr.kind {
        case .number(let n): return n.unit?.text
        case .unary(_, let e), .paren(let e), .member(let e, _): return unit(in: e, depth: depth + 1)
        case .binary:
            // Operands in written order, a chain of operators in a loop (`BinaryChain`).
            guard let chain = BinaryChain(expr) else { return nil }
            for operand in [chain.first] + chain.links.map(\.rhs) {
                if let u = unit(in: operand, depth: depth + 1) { return u }
            }
            return nil
        case .inRange(let e, let i):
            return unit(in: i.lower, depth: depth + 1) ?? unit(in: i.upper, depth: depth + 1)
                ?? unit(in: e, depth: depth + 1)
        case .string, .bool, .name, .call, .conditional, .per, .missing: return nil
        }
    }

    /// The first unit written in any of the expressions.
    static func unit(in exprs: [Expr]) -> String? {
        for e in exprs { if let u = unit(in: e) { return u } }
        return nil
    }

    /// A value in the given unit: `0.8` with `%` is `80%`, `5e6` with `USD` is `5M USD`.
    static func value(_ v: Double, unit: String?) -> String {
        if v == .infinity { return "+∞" }
        if v == -.infinity { return "-∞" }
        guard let unit, let factor = LiteralScale.factors[unit] else { return number(v) }
        let scaled = v / factor
        if unit == "USD" { return money(scaled) }
        return unit == "%" ? number(scaled) + "%" : number(scaled) + " " + unit
    }

    /// A ratio as a percentage with its thousands grouped, for values far from 100%: `75` is
    /// `7,500%`.
    static func percent(_ ratio: Double) -> String {
        let text = number(ratio * 100)
        guard !text.contains("e") else { return text + "%" }
        let sign = text.hasPrefix("-") ? "-" : ""
        let digits = text.dropFirst(sign.count)
        let whole = digits.prefix { $0 != "." }
        var grouped = ""
        for (i, c) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        return sign + grouped + digits.dropFirst(whole.count) + "%"
    }

    /// An interval in the given unit, e.g. `[500, 520)`.
    static func interval(_ b: Bounds, unit: String?) -> String {
        if b.isEmpty { return "no value" }
        if let c = b.constant { return value(c, unit: unit) }
        return (b.lowerClosed ? "[" : "(") + value(b.lower, unit: unit) + ", "
            + value(b.upper, unit: unit) + (b.upperClosed ? "]" : ")")
    }

    /// Money with a magnitude suffix when it is a round amount (`5M USD`).
    private static func money(_ v: Double) -> String {
        for (suffix, m) in [("B", 1e9), ("M", 1e6), ("k", 1e3)] where abs(v) >= m {
            let scaled = v / m
            if abs(scaled - scaled.rounded()) < 1e-9 || abs(scaled * 100 - (scaled * 100).rounded()) < 1e-6 {
                return number(scaled) + suffix + " USD"
            }
        }
        return number(v) + " USD"
    }

    /// A plain number with at most 6 significant digits and no trailing zeros.
    static func number(_ v: Double) -> String {
        let rounded = (v * 1e9).rounded() / 1e9
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(format: "%.6g", rounded)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
