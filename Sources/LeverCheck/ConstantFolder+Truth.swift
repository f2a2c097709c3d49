import LeverSyntax

extension ConstantFolder {
    /// The truth of a constant condition; nil when any part is not constant.
    func truth(_ expr: Expr, depth: Int, state: inout FoldState) -> Bool? {
        guard depth < Self.maxDepth else { return nil }
        let d = depth + 1
        switch expr.kind {
        case .bool(let b): return b
        case .paren(let inner): return truth(inner, depth: d, state: &state)
        case .unary(.not, let operand): return truth(operand, depth: d, state: &state).map { !$0 }
        case .binary(let op, _, _) where op == .and || op == .or:
            // A chain of `and` and `or` is read in a loop (`BinaryChain`), not one recursion per link.
            guard let chain = BinaryChain(expr, where: { $0 == .and || $0 == .or }),
                  var value = truth(chain.first, depth: d, state: &state) else { return nil }
            for link in chain.links {
                guard let b = truth(link.rhs, depth: d, state: &state) else { return nil }
                value = link.op == .and ? (value && b) : (value || b)
            }
            return value
        case .binary(let op, let l, let r) where op.isComparison:
            guard let a = quantity(l, depth: d, state: &state),
                  let b = quantity(r, depth: d, state: &state) else { return nil }
            return Self.compare(op, a.value, b.value)
        case .inRange(let x, let interval):
            return inRange(x, interval, depth: d, state: &state)
        default: return nil
        }
    }

    private func inRange(_ x: Expr, _ i: Interval, depth: Int, state: inout FoldState) -> Bool? {
        guard let v = quantity(x, depth: depth, state: &state)?.value,
              let lo = quantity(i.lower, depth: depth, state: &state)?.value,
              let hi = quantity(i.upper, depth: depth, state: &state)?.value else { return nil }
        let aboveLow = i.lowerClosed ? v >= lo : v > lo
        let belowHigh = i.upperClosed ? v <= hi : v < hi
        return aboveLow && belowHigh
    }

    static func compare(_ op: BinaryOp, _ a: Double, _ b: Double) -> Bool? {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessEqual: a <= b
        case .greater: a > b
        case .greaterEqual: a >= b
        case .add, .subtract, .multiply, .divide, .power, .and, .or: nil
        }
    }
}
