import LeverSyntax

extension TypeChecker {
    mutating func checkUnary(_ op: UnaryOp, _ operand: Expr, _ scope: Scope) -> LeverType {
        let type = check(operand, scope)
        if type.isUnchecked { return op == .not ? .bool : type }
        switch op {
        case .not:
            if type != .bool { diagnostics.append(.expectedCondition(type, what: "`not`", at: operand.span)) }
            return .bool
        case .negate, .plus:
            guard type.dimension != nil else {
                diagnostics.append(.notANumber(type, operation: "negate", at: operand.span))
                return .error
            }
            return type
        }
    }

    /// Checks a chain of binary operations (`a + b - c`) in a loop, recording the type of each
    /// inner node, so that a long chain does not recurse once per operator.
    mutating func checkChain(_ expr: Expr, _ scope: Scope) -> LeverType {
        guard let chain = BinaryChain(expr) else { return .error }
        var type = check(chain.first, scope)
        for link in chain.links {
            let rt = check(link.rhs, scope)
            type = checkBinary(link.op, (link.lhs, type), (link.rhs, rt))
            types[link.node] = type
        }
        return type
    }

    mutating func checkBinary(_ op: BinaryOp, _ l: Operand, _ r: Operand) -> LeverType {
        let (lt, rt) = (l.type, r.type)
        let (l, r) = (l.expr, r.expr)
        switch op {
        case .and, .or: return checkLogical(op, (l, lt), (r, rt))
        case .equal, .notEqual: return checkEquality(op, (l, lt), (r, rt))
        case .less, .lessEqual, .greater, .greaterEqual: return checkOrdering(op, (l, lt), (r, rt))
        case .add, .subtract: return checkAdditive(op, (l, lt), (r, rt))
        case .multiply, .divide: return checkMultiplicative(op, (l, lt), (r, rt))
        case .power: return checkPower((l, lt), (r, rt))
        }
    }

    typealias Operand = (expr: Expr, type: LeverType)

    private mutating func checkLogical(_ op: BinaryOp, _ l: Operand, _ r: Operand) -> LeverType {
        for side in [l, r] where !side.type.isUnchecked && side.type != .bool {
            diagnostics.append(.expectedCondition(side.type, what: "`\(op.rawValue)`", at: side.expr.span))
        }
        return .bool
    }

    private mutating func checkEquality(_ op: BinaryOp, _ l: Operand, _ r: Operand) -> LeverType {
        // `status == margin_call`: the word, not the `margin` block's condition of that name.
        if readStatusWord(l, r) || readStatusWord(r, l) { return .bool }
        guard !l.type.isUnchecked, !r.type.isUnchecked else { return .bool }
        if let ld = l.type.dimension, let rd = r.type.dimension {
            if ld != rd { diagnostics.append(.unitMismatch(op.rawValue, l, r, at: operatorSpan(l.expr, r.expr))) }
        } else if !Self.comparable(l.type, r.type) {
            diagnostics.append(.cannotCompare(l, r, at: operatorSpan(l.expr, r.expr)))
        }
        return .bool
    }

    /// Whether two non-number types may be compared with `==`.
    /// Re-reads `word` as a status word when it is compared with a status and names one.
    private mutating func readStatusWord(_ status: Operand, _ word: Operand) -> Bool {
        guard status.type == .word(.status), case .name(let name) = word.expr.kind,
              WordSet.status.words.contains(name), resolutions[word.expr] != .word(.status, name) else { return false }
        resolutions[word.expr] = .word(.status, name)
        types[word.expr] = .word(.status)
        return true
    }

    static func comparable(_ a: LeverType, _ b: LeverType) -> Bool {
        switch (a, b) {
        case (.entity, .entity): a == b || Set([a, b]) == Set([.entity(.asset), .entity(.class)])
        default: a == b
        }
    }

    private mutating func checkOrdering(_ op: BinaryOp, _ l: Operand, _ r: Operand) -> LeverType {
        guard let ld = numeric(l, op.rawValue), let rd = numeric(r, op.rawValue) else { return .bool }
        if ld != rd { diagnostics.append(.unitMismatch(op.rawValue, l, r, at: operatorSpan(l.expr, r.expr))) }
        return .bool
    }

    private mutating func checkAdditive(_ op: BinaryOp, _ l: Operand, _ r: Operand) -> LeverType {
        guard let ld = numeric(l, op.rawValue), let rd = numeric(r, op.rawValue) else {
            return l.type.isUnchecked && r.type.dimension != nil ? r.type : (l.type.dimension != nil ? l.type : .error)
        }
        if ld != rd {
            diagnostics.append(.unitMismatch(op.rawValue, l, r, at: operatorSpan(l.expr, r.expr)))
            return .error
        }
        return .number(ld)
    }

    private mutating func checkMultiplicative(_ op: BinaryOp, _ l: Operand, _ r: Operand) -> LeverType {
        guard let ld = numeric(l, op.rawValue), let rd = numeric(r, op.rawValue) else { return .error }
        return .number(op == .multiply ? ld * rd : ld / rd)
    }

    private mutating func checkPower(_ base: Operand, _ exponent: Operand) -> LeverType {
        guard let bd = numeric(base, "^"), let ed = numeric(exponent, "^") else { return .error }
        if !ed.isDimensionless {
            diagnostics.append(.needsDimensionless("an exponent", exponent.type, at: exponent.expr.span))
            return .error
        }
        if symbols.arithmetic.isFixedPoint, !Self.isWholePower(folder.fold(exponent.expr)) {
            // Fixed point multiplies a whole power out; any other power needs exp and ln.
            diagnostics.append(.inexactInFixedPoint("a power that is not a whole number from −16 to 16", symbols.arithmetic,
                                                    at: exponent.expr.span))
        }
        if bd.isDimensionless { return .plain }
        guard let value = folder.fold(exponent.expr), let n = Int(exactly: value), abs(n) <= 16 else {
            diagnostics.append(.exponentNotConstant(base.type, at: exponent.expr.span))
            return .error
        }
        return .number(bd.power(n))
    }

    /// Whether an exponent folds to a whole number from −16 to 16 (a power fixed point multiplies out).
    static func isWholePower(_ value: Double?) -> Bool {
        guard let value, let n = Int(exactly: value) else { return false }
        return (-16...16).contains(n)
    }

    /// The dimension of a numeric operand; reports a non-number and gives nil for it (and for
    /// unchecked operands, silently).
    mutating func numeric(_ operand: Operand, _ op: String) -> Dimension? {
        if let d = operand.type.dimension { return d }
        if !operand.type.isUnchecked {
            diagnostics.append(.notANumber(operand.type, operation: "use `\(op)` on", at: operand.expr.span))
        }
        return nil
    }

    mutating func checkConditional(_ c: Expr, _ t: Expr, _ e: Expr, _ scope: Scope) -> LeverType {
        checkCondition(c, scope, what: "an `if` condition")
        let tt = check(t, scope), et = check(e, scope)
        if tt.isUnchecked { return et }
        if et.isUnchecked { return tt }
        if tt == et || Self.comparable(tt, et) { return tt }
        if tt.dimension != nil, et.dimension != nil {
            diagnostics.append(.branchMismatch((t, tt), (e, et)))
        } else {
            diagnostics.append(.branchTypeMismatch((t, tt), (e, et)))
        }
        return .error
    }

    mutating func checkInRange(_ x: Expr, _ interval: Interval, _ scope: Scope) -> LeverType {
        let xt = check(x, scope)
        let lo = check(interval.lower, scope), hi = check(interval.upper, scope)
        guard let xd = numeric((x, xt), "in") else { return .bool }
        for (bound, type) in [(interval.lower, lo), (interval.upper, hi)] {
            guard let d = numeric((bound, type), "in"), d != xd else { continue }
            diagnostics.append(.boundMismatch((x, xt), (bound, type)))
        }
        return .bool
    }

    mutating func checkPer(_ amount: Expr, _ unit: Expr, _ base: Expr, _ above: Expr?, _ scope: Scope) -> LeverType {
        let at = check(amount, scope), ut = check(unit, scope), bt = check(base, scope)
        let thresholdType = above.map { check($0, scope) }
        guard let ud = numeric((unit, ut), "per") else { return at }
        var others: [Operand] = [(base, bt)]
        if let above, let thresholdType { others.append((above, thresholdType)) }
        for other in others {
            guard let d = numeric(other, "per"), d != ud else { continue }
            diagnostics.append(.perMismatch(unit: (unit, ut), other: other))
        }
        _ = numeric((amount, at), "per")
        return at.dimension != nil ? at : .error
    }
}
