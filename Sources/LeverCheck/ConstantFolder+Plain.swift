import LeverSyntax

extension ConstantFolder {
    /// The value of a constant expression that no unit word went into (`75`, `150 / 2`, a param
    /// written `= 100`), or nil when it is not constant or reads a literal with a unit, directly
    /// or through a param.
    ///
    /// A ratio and a plain number are one dimension, so this is how the checker tells `ltv = 75`
    /// (a ratio written without a unit) from `ltv = 7500%` (one written on purpose).
    func plainValue(_ expr: Expr) -> Double? {
        guard let q = quantity(expr), q.dimension.isDimensionless else { return nil }
        var state = FoldState()
        return isUnitless(expr, depth: 0, state: &state) ? q.value : nil
    }

    private func isUnitless(_ expr: Expr, depth: Int, state: inout FoldState) -> Bool {
        guard depth < Self.maxDepth else { return false }
        let d = depth + 1
        switch expr.kind {
        case .number(let literal):
            return literal.unit == nil
        case .name(let name):
            if let known = state.unitless[name] { return known }
            guard let value = symbols.param(name), !state.visiting.contains(name) else { return false }
            state.visiting.insert(name)
            let unitless = isUnitless(value, depth: d, state: &state)
            state.visiting.remove(name)
            state.unitless[name] = unitless
            return unitless
        case .paren(let e), .unary(_, let e):
            return isUnitless(e, depth: d, state: &state)
        case .binary:
            // A chain of operators is read in a loop (`BinaryChain`), not one recursion per link.
            guard let chain = BinaryChain(expr) else { return false }
            return ([chain.first] + chain.links.map(\.rhs)).allSatisfy { isUnitless($0, depth: d, state: &state) }
        case .call(_, let args, _):
            return args.allSatisfy { isUnitless($0.value, depth: d, state: &state) }
        case .conditional(let c, let t, let e):
            return [c, t, e].allSatisfy { isUnitless($0, depth: d, state: &state) }
        case .inRange(let x, let interval):
            return [x, interval.lower, interval.upper].allSatisfy { isUnitless($0, depth: d, state: &state) }
        case .per(let amount, let unit, let base, let above):
            return [amount, unit, base, above].compactMap { $0 }.allSatisfy { isUnitless($0, depth: d, state: &state) }
        case .string, .bool:
            return true
        case .member, .missing:
            return false
        }
    }
}
