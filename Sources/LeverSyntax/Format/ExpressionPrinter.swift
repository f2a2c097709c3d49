/// Renders an expression on one line in canonical spacing.
///
/// Spacing rules (the formatter's documented choice): every binary operator, `^` included, has one
/// space on each side (`a + b`, `x ^ 2`, `a and b`); prefix `-` and `+` sit on their operand (`-30%`),
/// `not` is followed by a space, and a sign before another sign gets one (`- -a`); call arguments are separated by `, `, named ones read `base: 0%`;
/// a unit word follows its number after one space (`5M USD`, `25 bps`, `2 days`) except `%`, which is
/// attached (`2%`). Parentheses are printed exactly where the tree has `.paren` nodes and nowhere
/// else, and number digits are printed as written, so re-parsing the output gives the same tree.
enum ExpressionPrinter {
    /// The canonical text of `expr`. Recursion depth is bounded by the parser's nesting cap: a
    /// chain of binary operators is written in a loop (`BinaryChain`).
    static func text(_ expr: Expr) -> String {
        switch expr.kind {
        case .number(let literal): number(literal)
        case .string(let value): quoted(value)
        case .bool(let value): value ? "true" : "false"
        case .name(let name): name
        case .member(let base, let name): text(base) + "." + name.text
        case .unary(let op, let operand): unary(op, operand)
        case .binary: chain(expr)
        case .call(let name, let arguments, let filter): call(name, arguments, filter: filter)
        case .conditional(let condition, let then, let otherwise):
            "if \(text(condition)) then \(text(then)) else \(text(otherwise))"
        case .inRange(let value, let range): "\(text(value)) in \(interval(range))"
        case .per(let amount, let unit, let base, let above): per(amount, unit, base, above)
        case .paren(let inner): "(\(text(inner)))"
        case .missing: ""
        }
    }

    /// `5M USD`, `2%`, `25 bps`, `1_000`: digits as written, magnitude attached, `%` attached.
    static func number(_ literal: NumberLiteral) -> String {
        var out = literal.digits + (literal.magnitude ?? "")
        if let unit = literal.unit {
            out += unit.text == "%" ? "%" : " " + unit.text
        }
        return out
    }

    /// A string literal with `"` and `\` escaped, the only escapes the lexer needs to end a string.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for character in value {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// `[lo, hi)` with the brackets the interval was written with.
    static func interval(_ range: Interval) -> String {
        let open = range.lowerClosed ? "[" : "("
        let close = range.upperClosed ? "]" : ")"
        return "\(open)\(text(range.lower)), \(text(range.upper))\(close)"
    }

    /// A table cell: `[650, 800)`, `>= 800`, `"EU" | "UK"`, `else`.
    static func pattern(_ pattern: Pattern) -> String {
        switch pattern {
        case .interval(let range): interval(range)
        case .comparison(let op, let bound, _): "\(op.rawValue) \(text(bound))"
        case .values(let values, _): values.map(text).joined(separator: " | ")
        case .any: "else"
        }
    }

    /// `a + b * c - d`, operands and operators in order, into one growing string.
    private static func chain(_ expr: Expr) -> String {
        guard let chain = BinaryChain(expr) else { return "" }
        var out = text(chain.first)
        for link in chain.links {
            out += " " + link.op.rawValue + " "
            out += text(link.rhs)
        }
        return out
    }

    private static func unary(_ op: UnaryOp, _ operand: Expr) -> String {
        switch op {
        case .negate, .plus:
            // `- -a`, not `--a`: a doubled sign reads as a different operator.
            if case .unary(.negate, _) = operand.kind { op.rawValue + " " + text(operand) }
            else if case .unary(.plus, _) = operand.kind { op.rawValue + " " + text(operand) }
            else { op.rawValue + text(operand) }
        case .not: "not " + text(operand)
        }
    }

    private static func call(_ name: Name, _ arguments: [Argument], filter: Expr?) -> String {
        var inner = arguments.map { argument in
            (argument.label.map { $0.text + ": " } ?? "") + text(argument.value)
        }.joined(separator: ", ")
        if let filter {
            inner += (inner.isEmpty ? "" : " ") + "where " + text(filter)
        }
        return "\(name.text)(\(inner))"
    }

    private static func per(_ amount: Expr, _ unit: Expr, _ base: Expr, _ above: Expr?) -> String {
        var out = "\(text(amount)) per \(text(unit)) of \(text(base))"
        if let above { out += " above " + text(above) }
        return out
    }
}
