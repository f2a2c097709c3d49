/// A deterministic text dump of a syntax tree, without spans or node ids.
///
/// Two trees that differ only in spans and ids dump to the same text, which is how the formatter's
/// tests prove that formatting keeps the meaning. Every operator node is bracketed (`(a + (b * c))`),
/// so the dump shows the tree's shape rather than the source's; a `.paren` node shows as one more
/// pair, `((a + b))`. An optional *adorner* (cel-go's `ToAdornedDebugString`) returns text to append
/// after each expression node, e.g. `~USD`, so checker goldens show what was inferred where:
/// `clamp((z~Ratio * vol~Ratio)~Ratio, …)`. Its text is appended verbatim.
public enum ASTDump {
    /// Text to append after the expression with this id, or `nil` for none.
    public typealias Adorner = (NodeID) -> String?

    /// One line per header, import, declaration and nested item (property, row, point, shock),
    /// nested items indented by two spaces; ends with a newline unless the policy is empty.
    public static func dump(_ policy: Policy, adorner: @escaping Adorner = { _ in nil }) -> String {
        let dumper = ASTDumper(adorner: adorner)
        var lines: [String] = []
        if let header = policy.header {
            var line = "policy " + ExpressionPrinter.quoted(header.name)
            if let version = header.version { line += " version " + ExpressionPrinter.quoted(version) }
            lines.append(line)
        }
        lines += policy.imports.map { "import " + ExpressionPrinter.quoted($0.path) }
        for declaration in policy.declarations {
            lines += dumper.declaration(declaration)
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// One expression, fully bracketed, with adornments.
    public static func dump(_ expr: Expr, adorner: @escaping Adorner = { _ in nil }) -> String {
        ASTDumper(adorner: adorner).expr(expr)
    }

    /// One declaration: its head line, then one line per nested item (property, row, point,
    /// shock) indented by two spaces, as in `dump(_:)` of a policy.
    public static func dump(_ declaration: Declaration) -> [String] {
        ASTDumper(adorner: { _ in nil }).declaration(declaration)
    }

    /// A table cell, e.g. `[650, 800)` or `>= 800`, with its bounds fully bracketed.
    public static func dump(_ pattern: Pattern) -> String {
        ASTDumper(adorner: { _ in nil }).pattern(pattern)
    }
}

/// The walker behind `ASTDump`; recursion depth is bounded by the parser's nesting cap (chains of
/// binary operators are walked in a loop).
struct ASTDumper {
    let adorner: ASTDump.Adorner

    // MARK: - Expressions

    func expr(_ node: Expr) -> String {
        bare(node) + (adorner(node.id) ?? "")
    }

    private func bare(_ node: Expr) -> String {
        switch node.kind {
        case .number(let literal): ExpressionPrinter.number(literal)
        case .string(let value): ExpressionPrinter.quoted(value)
        case .bool(let value): value ? "true" : "false"
        case .name(let name): name
        case .member(let base, let name): "\(expr(base)).\(name.text)"
        case .unary(let op, let operand): op == .not ? "(not \(expr(operand)))" : "(\(op.rawValue)\(expr(operand)))"
        case .binary: chain(node)
        case .call(let name, let arguments, let filter): call(name, arguments, filter)
        case .conditional(let condition, let then, let otherwise):
            "(if \(expr(condition)) then \(expr(then)) else \(expr(otherwise)))"
        case .inRange(let value, let range): "(\(expr(value)) in \(interval(range)))"
        case .per(let amount, let unit, let base, let above):
            "(\(expr(amount)) per \(expr(unit)) of \(expr(base))" + (above.map { " above \(expr($0))" } ?? "") + ")"
        case .paren(let inner): "(\(expr(inner)))"
        case .missing: "<missing>"
        }
    }

    /// `((a + b) - c)`: each link of the chain bracketed and adorned, in a loop (`BinaryChain`).
    private func chain(_ node: Expr) -> String {
        guard let chain = BinaryChain(node) else { return "" }
        // Each link brackets everything before it, so all the opening brackets come first.
        var out = String(repeating: "(", count: chain.links.count) + expr(chain.first)
        for (index, link) in chain.links.enumerated() {
            out += " " + link.op.rawValue + " " + expr(link.rhs) + ")"
            // The outermost node's adornment is added by `expr`, which called this.
            if index < chain.links.count - 1 { out += adorner(link.node.id) ?? "" }
        }
        return out
    }

    private func call(_ name: Name, _ arguments: [Argument], _ filter: Expr?) -> String {
        var inner = arguments.map { ($0.label.map { $0.text + ": " } ?? "") + expr($0.value) }
            .joined(separator: ", ")
        if let filter { inner += (inner.isEmpty ? "" : " ") + "where " + expr(filter) }
        return "\(name.text)(\(inner))"
    }

    func interval(_ range: Interval) -> String {
        "\(range.lowerClosed ? "[" : "(")\(expr(range.lower)), \(expr(range.upper))\(range.upperClosed ? "]" : ")")"
    }

    func pattern(_ pattern: Pattern) -> String {
        switch pattern {
        case .interval(let range): interval(range)
        case .comparison(let op, let bound, _): "\(op.rawValue) \(expr(bound))"
        case .values(let values, _): values.map(expr).joined(separator: " | ")
        case .any: "else"
        }
    }

    // MARK: - Declarations

    func declaration(_ declaration: Declaration) -> [String] {
        let prefix = declaration.isOverride ? "override " : ""
        switch declaration.kind {
        case .param(let name, let value):
            return ["\(prefix)param \(name.text) = \(expr(value))"]
        case .input(let name, let range):
            return ["\(prefix)input \(name.text) in \(interval(range))"]
        case .classDecl(let name, let parent, let body):
            return ["\(prefix)class \(name.text)" + (parent.map { " : " + $0.text } ?? "")] + properties(body)
        case .asset(let name, let cls, let body):
            return ["\(prefix)asset \(name.text) : \(cls.text)"] + properties(body)
        case .venue(let name, let body):
            return ["\(prefix)venue \(name.text)"] + properties(body)
        case .chain(let name, let body):
            return ["\(prefix)chain \(name.text)"] + properties(body)
        case .settings(let keyword, let body):
            return [prefix + keyword.rawValue] + properties(body)
        case .table(let table):
            return self.table(table, prefix: prefix)
        case .curve(let curve):
            return self.curve(curve, prefix: prefix)
        case .scenario(let name, let shocks):
            return ["\(prefix)scenario \(name.text)"] + shocks.map { shock in
                "  \(shock.target.text): " + (shock.grid.map { "[" + $0.map(expr).joined(separator: ", ") + "]" } ?? expr(shock.value))
            }
        case .assertion(let assertion):
            let every = assertion.quantifier.map { "every \($0.text): " } ?? ""
            let consequence = assertion.consequence.map { " else \($0.text)" } ?? ""
            return ["\(prefix)assert \(every)\(expr(assertion.condition))\(consequence)"]
        case .measure(let name, let level, let value):
            return ["\(prefix)measure \(name.text) per \(level.rawValue) = \(expr(value))"]
        case .guardrail(let guardDecl):
            return [prefix + guardDecl.text { expr($0) }]
        case .flag(let flag):
            return ["\(prefix)flag \(FlagDecl.quoted(flag.text.text)) when \(expr(flag.condition))"]
        case .remedy(let remedy):
            return [prefix + remedy.text]
        }
    }

    private func properties(_ body: [Property], indent: String = "  ") -> [String] {
        body.map { "\(indent)\($0.name.text) \($0.op.rawValue) \(expr($0.value))" }
    }

    private func table(_ table: TableDecl, prefix: String) -> [String] {
        var head = "\(prefix)\(table.isTiers ? "tiers" : "table") \(table.name.text) by "
            + table.keys.map(expr).joined(separator: ", ")
        if let hit = table.hit { head += " hit \(hit.rawValue)" }
        var lines = [head]
        for row in table.rows {
            lines.append("  \(row.patterns.map(pattern).joined(separator: ", ")) -> \(row.label.text)")
            lines += properties(row.body, indent: "    ")
        }
        return lines
    }

    private func curve(_ curve: CurveDecl, prefix: String) -> [String] {
        let head = "\(prefix)curve \(curve.name.text)(\(curve.parameter.text)) = "
        switch curve.body {
        case .expression(let value): return [head + expr(value)]
        case .points(let points, _): return [head + "points"] + points.map { "  \(expr($0.x)) -> \(expr($0.y))" }
        case .steps(let points, _): return [head + "steps"] + points.map { "  \(expr($0.x)) -> \(expr($0.y))" }
        }
    }
}
