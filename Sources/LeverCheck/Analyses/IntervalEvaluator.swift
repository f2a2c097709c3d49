import LeverSyntax

/// Evaluates an expression to the interval of every value it can take.
///
/// The analyses share it: tables evaluate row bounds with it, curves sample with it and proofs
/// decide assertions with it. It knows nothing about the policy; what a name means comes from
/// the closures, so the checker decides (params fold to constants, inputs give their declared
/// range, asset properties their override chain) and tests can stub anything.
///
/// Wiring contract for the checker:
/// - `name` is called with every `.name` and `.member` node (`vol`, `account.score`,
///   `tier.credit_line`); return nil for "unknown" (the result is then unbounded). Booleans are
///   `[1, 1]` (true) / `[0, 0]` (false). Enum words (`long`) and strings should return nil.
/// - `literal` gives a number literal's value in base units (nil for an unknown unit).
/// - `function` evaluates user functions (curves called as `borrow_rate(utilization)`) from their
///   argument intervals; nil means unbounded. Builtins are handled here.
/// Never crashes and never recurses deeper than `maxDepth` (deeper subtrees are unbounded).
public struct IntervalEvaluator {
    /// The interval of a name or member access, or nil when unknown.
    public var name: (Expr) -> Bounds?
    /// A number literal's value in base units.
    public var literal: (NumberLiteral) -> Double?
    /// A user function's result from its argument intervals, or nil when unknown.
    public var function: (Name, [Bounds]) -> Bounds?
    /// Nesting beyond this is treated as unknown, so hand-built or hostile trees cannot overflow the stack.
    public var maxDepth = 256

    /// Makes an evaluator; by default names and functions are unknown and literals use `LiteralScale`.
    public init(
        name: @escaping (Expr) -> Bounds? = { _ in nil },
        literal: @escaping (NumberLiteral) -> Double? = LiteralScale.value(of:),
        function: @escaping (Name, [Bounds]) -> Bounds? = { _, _ in nil }
    ) {
        self.name = name
        self.literal = literal
        self.function = function
    }

    /// Every value `expr` can take (unbounded when nothing is known).
    public func bounds(_ expr: Expr) -> Bounds { bounds(expr, depth: 0) }

    /// Whether the boolean `expr` always holds, never holds, or it depends.
    public func truth(_ expr: Expr) -> Truth { truth(expr, depth: 0) }

    // MARK: - Numbers

    func bounds(_ expr: Expr, depth: Int) -> Bounds {
        guard depth < maxDepth else { return .unbounded }
        let d = depth + 1
        switch expr.kind {
        case .number(let n): return literal(n).map(Bounds.exactly) ?? .unbounded
        case .string, .missing: return .unbounded
        case .bool(let b): return .exactly(b ? 1 : 0)
        case .name, .member: return name(expr) ?? .unbounded
        case .unary(let op, let e): return unary(op, e, depth: d)
        case .binary(let op, _, _) where op.isArithmetic: return arithmetic(expr, depth: d)
        case .binary: return Self.bounds(of: binaryTruth(expr, depth: d))
        case .call(let fn, let args, _): return call(fn, args, depth: d)
        case .conditional(let c, let a, let b): return conditional(c, a, b, depth: d)
        case .inRange: return Self.bounds(of: truth(expr, depth: d))
        case .per(let amount, let unit, let base, let above):
            let excess = bounds(base, depth: d) - (above.map { bounds($0, depth: d) } ?? .exactly(0))
            return bounds(amount, depth: d) * Bounds.maximum(.exactly(0), excess) / bounds(unit, depth: d)
        case .paren(let e): return bounds(e, depth: d)
        }
    }

    private func unary(_ op: UnaryOp, _ e: Expr, depth: Int) -> Bounds {
        switch op {
        case .negate: -bounds(e, depth: depth)
        case .plus: bounds(e, depth: depth)
        case .not: Self.bounds(of: !truth(e, depth: depth))
        }
    }

    /// A chain of `+ - * / ^` (`a + b * c - d`), in a loop rather than one recursion per
    /// operator (`BinaryChain`); every operand is at the same depth.
    private func arithmetic(_ expr: Expr, depth: Int) -> Bounds {
        guard let chain = BinaryChain(expr, where: \.isArithmetic) else { return .unbounded }
        var x = bounds(chain.first, depth: depth)
        for link in chain.links {
            let y = bounds(link.rhs, depth: depth)
            switch link.op {
            case .add: x = x + y
            case .subtract: x = x - y
            case .multiply: x = x * y
            case .divide: x = x / y
            case .power: x = Bounds.power(x, y)
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or: return .unbounded
            }
        }
        return x
    }

    private func conditional(_ c: Expr, _ a: Expr, _ b: Expr, depth: Int) -> Bounds {
        switch truth(c, depth: depth) {
        case .true: bounds(a, depth: depth)
        case .false: bounds(b, depth: depth)
        case .unknown: bounds(a, depth: depth).hull(bounds(b, depth: depth))
        }
    }

    /// A boolean as a number: true = 1, false = 0, unknown = either.
    static func bounds(of truth: Truth) -> Bounds {
        switch truth {
        case .true: .exactly(1)
        case .false: .exactly(0)
        case .unknown: Bounds(0, 1)
        }
    }

    // MARK: - Conditions

    func truth(_ expr: Expr, depth: Int) -> Truth {
        guard depth < maxDepth else { return .unknown }
        let d = depth + 1
        switch expr.kind {
        case .bool(let b): return Truth(b)
        case .unary(.not, let e): return !truth(e, depth: d)
        case .binary: return binaryTruth(expr, depth: d)
        case .inRange(let e, let i): return membership(bounds(e, depth: d), in: i, depth: d)
        case .conditional(let c, let a, let b):
            switch truth(c, depth: d) {
            case .true: return truth(a, depth: d)
            case .false: return truth(b, depth: d)
            case .unknown: return truth(a, depth: d).joined(truth(b, depth: d))
            }
        case .paren(let e): return truth(e, depth: d)
        case .name, .member, .call:
            let b = bounds(expr, depth: d)
            return b.constant == 1 ? .true : b.constant == 0 ? .false : .unknown
        case .number, .string, .unary, .per, .missing: return .unknown
        }
    }

    /// The truth of a binary node: a chain of `and` and `or` in a loop (`BinaryChain`), a
    /// comparison from the bounds of its sides, arithmetic never.
    private func binaryTruth(_ expr: Expr, depth: Int) -> Truth {
        guard case .binary(let op, let a, let b) = expr.kind else { return .unknown }
        switch op {
        case .and, .or:
            guard let chain = BinaryChain(expr, where: \.isLogical) else { return .unknown }
            var value = truth(chain.first, depth: depth)
            for link in chain.links {
                let next = truth(link.rhs, depth: depth)
                value = link.op == .and ? value && next : value || next
            }
            return value
        case .equal, .notEqual:
            if let same = Self.sameWords(a, b) { return op == .equal ? Truth(same) : !Truth(same) }
        case .add, .subtract, .multiply, .divide, .power, .less, .lessEqual, .greater, .greaterEqual: break
        }
        guard let cmp = ComparisonOp(op) else { return .unknown }
        return Bounds.compare(cmp, bounds(a, depth: depth), bounds(b, depth: depth))
    }

    /// Two string literals compare by text; anything else is left to the numbers.
    private static func sameWords(_ a: Expr, _ b: Expr) -> Bool? {
        if case .string(let x) = a.kind, case .string(let y) = b.kind { return x == y }
        return nil
    }

    /// `x in [lo, hi]` when the ends themselves are intervals: true when `x` lies inside the
    /// narrowest range the ends allow, false when it misses the widest.
    func membership(_ x: Bounds, in i: Interval, depth: Int) -> Truth {
        let lo = bounds(i.lower, depth: depth), hi = bounds(i.upper, depth: depth)
        let exact = lo.constant != nil && hi.constant != nil
        let narrow = Bounds(lo.upper, hi.lower, lowerClosed: i.lowerClosed && exact, upperClosed: i.upperClosed && exact)
        let wide = Bounds(lo.lower, hi.upper, lowerClosed: i.lowerClosed || !exact, upperClosed: i.upperClosed || !exact)
        if x.isEmpty { return .unknown }
        if !narrow.isEmpty, narrow.contains(x) { return .true }
        return x.overlaps(wide) ? .unknown : .false
    }

    /// The interval an `in` range or table row denotes when its ends are constants, else nil.
    public func constantRange(_ i: Interval) -> Bounds? {
        guard let lo = bounds(i.lower).constant, let hi = bounds(i.upper).constant else { return nil }
        return Bounds(lo, hi, lowerClosed: i.lowerClosed, upperClosed: i.upperClosed)
    }
}
