import Foundation
import Lever

/// Shows a policy expression as its author would write it: a constant folded and printed in the
/// unit written in the expression (`82.5%`, `2M USD`, `2 days`), else the source text.
///
/// Folding makes `85%` and `0.85` or `80% + 5%` compare equal, so the diff reports meaning,
/// not spelling.
package struct ValueText: Sendable {
    package let checked: CheckResult
    package let folder: ConstantFolder

    package init(_ checked: CheckResult) {
        self.checked = checked
        self.folder = ConstantFolder(symbols: checked.symbols)
    }

    /// The source text of an expression, blanks collapsed.
    package func source(_ expr: Expr) -> String {
        source(expr.span)
    }

    /// The source text of a span, blanks collapsed.
    package func source(_ span: Span) -> String {
        let raw = checked.sources.file(span.file)?.text(of: span) ?? ""
        return raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Text and folded value of an expression.
    package func entry(_ expr: Expr) -> (text: String, value: Double?) {
        guard let q = folder.quantity(expr), q.value.isFinite else { return (source(expr), nil) }
        return (Self.format(q.value, unit: Self.unit(in: expr, depth: 0)), q.value)
    }

    /// The first unit word written in an expression.
    package static func unit(in expr: Expr, depth: Int) -> String? {
        guard depth < 64 else { return nil }
        switch expr.kind {
        case .number(let n): return n.unit?.text
        case .unary(_, let e), .paren(let e): return unit(in: e, depth: depth + 1)
        case .binary:
            // Operands in written order, a chain of operators in a loop (`BinaryChain`).
            guard let chain = BinaryChain(expr, where: { $0 == .add || $0 == .subtract || $0 == .multiply })
            else { return nil }
            return ([chain.first] + chain.links.map(\.rhs)).lazy.compactMap { unit(in: $0, depth: depth + 1) }.first
        case .string, .bool, .name, .member, .call, .conditional, .per, .inRange, .missing: return nil
        }
    }

    /// A base-unit value in `unit`: `0.825` with `%` is `82.5%`, `2e6` with `USD` is `2M USD`.
    package static func format(_ v: Double, unit: String?) -> String {
        guard let unit, let word = UnitTable.unit(unit), word.scale != 0 else { return number(v) }
        let scaled = v / word.scale
        if unit == "USD" { return money(scaled) }
        return unit == "%" ? number(scaled) + "%" : number(scaled) + " " + unit
    }

    /// Money with a magnitude suffix when it is round (`5M USD`).
    package static func money(_ v: Double) -> String {
        for (suffix, m) in [("B", 1e9), ("M", 1e6), ("k", 1e3)] where abs(v) >= m {
            let scaled = v / m
            if abs(scaled * 1000 - (scaled * 1000).rounded()) < 1e-6 { return number(scaled) + suffix + " USD" }
        }
        return number(v) + " USD"
    }

    /// A number with at most 10 significant digits and no trailing zeros.
    package static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        var text = String(format: "%.10g", v)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
