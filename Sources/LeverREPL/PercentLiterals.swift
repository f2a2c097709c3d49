import LeverSyntax

/// Whether an expression was written in percentages: a `%` or `bps` literal in it or in a param
/// it uses. A ratio typed as `3%` should come back as `6%`, not `0.06`; a plain `2.33` stays plain.
struct PercentLiterals {
    let symbols: SymbolTable
    static let maxDepth = 64

    func appear(in expr: Expr, depth: Int = 0) -> Bool {
        guard depth < Self.maxDepth else { return false }
        let d = depth + 1
        switch expr.kind {
        case .number(let literal): return ["%", "bps"].contains(literal.unit?.text ?? "")
        case .name(let name): return symbols.param(name).map { appear(in: $0, depth: d) } ?? false
        case .paren(let e), .unary(_, let e): return appear(in: e, depth: d)
        case .binary:
            // A chain of operators in a loop (`BinaryChain`): its length is not nesting.
            guard let chain = BinaryChain(expr) else { return false }
            return ([chain.first] + chain.links.map(\.rhs)).contains { appear(in: $0, depth: d) }
        case .call(let name, let args, _):
            return name.text == "kinked" || symbols.curve(name.text) != nil || args.contains { appear(in: $0.value, depth: d) }
        case .conditional(_, let t, let e): return appear(in: t, depth: d) || appear(in: e, depth: d)
        case .per(let a, _, _, _): return appear(in: a, depth: d)
        case .member(_, let field): return field.text == "utilization" || field.text == "vol"
        case .string, .bool, .inRange, .missing: return false
        }
    }
}
