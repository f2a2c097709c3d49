import LeverCheck
import LeverSyntax

/// Where an expression is being lowered.
struct LowerContext: Hashable {
    /// The asset whose property chain is being lowered (market inputs then read that asset's
    /// column); nil for the current position's asset.
    var asset: Int?
    /// The stress scenario whose shocked market is read; nil for the snapshot as given.
    var scenario: Int?
    /// The node a curve's parameter stands for, while lowering an expression curve.
    var curveArgument: NodeRef?
    /// The group whose value is being lowered, in the argument of an aggregate over groups: its
    /// key (`asset`, `venue`, `class`) and the key value's index. Grouped aggregates inside it
    /// count only that group's positions.
    var group: (key: String, index: Int)? {
        get { groupKey.map { ($0, groupIndex) } }
        set { (groupKey, groupIndex) = (newValue?.key, newValue?.index ?? 0) }
    }
    private var groupKey: String?
    private var groupIndex = 0
}

/// Turns a checked policy into a `Plan`: names become nodes through the checker's resolutions,
/// each asset's property chain is specialised once, and the engine's standard results are built
/// around the policy's own rules and measures.
struct Lowerer {
    let checked: CheckResult
    let options: CompileOptions
    var builder = PlanBuilder()
    var diagnostics: [Diagnostic] = []
    let assets: [String]
    let assetClasses: [String]
    let venues: [String]
    let classes: [String]
    /// The chains and bridge rules (empty without `chain` declarations: the plan reads no chain).
    var bridges = BridgeRules()
    /// The `reputation` block's rules and the scores they hold, worked out once.
    var reputation = ReputationRules(scores: [], stale: .unvalued, location: "")
    /// The policy's number model; fixed point sets the builder's rounding and multiplies powers out.
    let arithmetic: Arithmetic
    /// Folds literals as the checker does (a fixed-point policy's as the decimal written); every
    /// constant the lowering folds (table bounds, curve points, oracle settings, input ranges)
    /// goes through it, so a compile-time number model (`CompileOptions.arithmetic`) reads them all alike.
    let folder: ConstantFolder
    var strings: [String] = []
    var outputInfos: [OutputInfo] = []
    /// The runtime checks, whose outputs follow `outputInfos`' in the plan.
    var assertions: [CompiledAssertion] = []
    var flags: [CompiledFlag] = []
    var cache: [String: NodeRef] = [:]
    /// Names being lowered, to report a definition that depends on itself instead of looping.
    var visiting: Set<String> = []

    var symbols: SymbolTable { checked.symbols }

    init(checked: CheckResult, options: CompileOptions) {
        self.checked = checked
        self.options = options
        let assetSymbols = checked.symbols.symbols(.asset)
        assets = assetSymbols.map(\.name)
        assetClasses = assetSymbols.map { checked.symbols.assetInfo($0.name)?.cls.text ?? "" }
        venues = checked.symbols.names(.venue)
        classes = checked.symbols.names(.class)
        arithmetic = options.arithmetic ?? checked.symbols.arithmetic
        folder = ConstantFolder(symbols: checked.symbols, decimalLiterals: arithmetic.isFixedPoint)
        if arithmetic.isFixedPoint { builder.rounding = arithmetic.rounding }
        bridges = bridgeRules()
        reputation = reputationRules()
    }

    // MARK: - Expressions

    mutating func lower(_ expr: Expr, _ ctx: LowerContext) -> NodeRef {
        switch expr.kind {
        case .number:
            return builder.constant(folder.fold(expr) ?? .nan)
        case .string(let text): return builder.constant(Double(intern(text)))
        case .bool(let b): return builder.constant(b ? 1 : 0)
        case .name, .member: return lowerReference(expr, ctx)
        case .unary(let op, let operand):
            let x = lower(operand, ctx)
            switch op {
            case .plus: return x
            case .negate: return builder.unary(.negate, x)
            case .not: return builder.unary(.not, x)
            }
        case .binary:
            // A chain of operators in a loop (`BinaryChain`): its length is not nesting.
            guard let chain = BinaryChain(expr) else { return builder.constant(.nan) }
            var value = lower(chain.first, ctx)
            for link in chain.links {
                if link.op == .power, arithmetic.isFixedPoint, let n = wholePower(link.rhs) {
                    value = multipliedOut(value, power: n)
                    continue
                }
                value = builder.binary(Self.kernel(link.op), value, lower(link.rhs, ctx))
            }
            return value
        case .call(let name, let args, let filter): return lowerCall(expr, name.text, args, filter, ctx)
        case .conditional(let c, let a, let b): return builder.select(lower(c, ctx), lower(a, ctx), lower(b, ctx))
        case .inRange(let x, let interval): return lowerInRange(lower(x, ctx), interval, ctx)
        case .per(let amount, let unit, let base, let above):
            // amount × max(0, base − above) ÷ unit
            let excess = above.map { builder.binary(.subtract, lower(base, ctx), lower($0, ctx)) } ?? lower(base, ctx)
            let positive = builder.binary(.max, excess, builder.constant(0))
            return builder.binary(.multiply, lower(amount, ctx), builder.binary(.divide, positive, lower(unit, ctx)))
        case .paren(let inner): return lower(inner, ctx)
        case .missing: return builder.constant(.nan)
        }
    }

    /// The exponent of a whole power (−16 to 16, as the checker requires of fixed-point policies).
    func wholePower(_ exponent: Expr) -> Int? {
        guard let value = folder.fold(exponent), let n = Int(exactly: value),
              (-16...16).contains(n) else { return nil }
        return n
    }

    /// `x^n` as `x × x × …` in the policy's rounding, left to right as a committee would write it
    /// out (fixed point has no `pow`; on-chain code multiplies too); a negative power is one
    /// quotient of that product (`10 ^ -1` is exactly 0.1).
    mutating func multipliedOut(_ x: NodeRef, power n: Int) -> NodeRef {
        guard n != 0 else { return builder.constant(1) }
        var value = x
        for _ in 1..<abs(n) { value = builder.binary(.multiply, value, x) }
        return n > 0 ? value : builder.binary(.divide, builder.constant(1), value)
    }

    mutating func lowerInRange(_ x: NodeRef, _ interval: Interval, _ ctx: LowerContext) -> NodeRef {
        let lo = builder.binary(interval.lowerClosed ? .greaterEqual : .greater, x, lower(interval.lower, ctx))
        let hi = builder.binary(interval.upperClosed ? .lessEqual : .less, x, lower(interval.upper, ctx))
        return builder.binary(.and, lo, hi)
    }

    static func kernel(_ op: BinaryOp) -> BinaryKernel {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .power: .power
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .and: .and
        case .or: .or
        }
    }

    /// Names a node for `explain` and returns it.
    mutating func named(_ ref: NodeRef, _ title: String, _ detail: String, at span: Span? = nil,
                        asset: Int? = nil, unit: Dimension? = nil) -> NodeRef {
        let origin = Origin(title: title, detail: detail, span: span, assets: asset.map { [$0] } ?? [], unit: unit)
        if case .constant = builder.plan[ref].op {
            let alias = builder.add(.alias(ref, title))
            builder.label(alias, origin)
            return alias
        }
        builder.label(ref, origin)
        return ref
    }

    /// The unit the checker gave a rule's expression, for `explain` to write its value in.
    func unit(of expr: Expr) -> Dimension? {
        if case .number(let d)? = checked.types[expr] { return d }
        return nil
    }

    /// The source text of a span (a rule as written).
    func source(_ span: Span) -> String {
        checked.sources.file(span.file)?.text(of: span) ?? ""
    }

    mutating func intern(_ text: String) -> Int {
        if let i = strings.firstIndex(of: text) { return i }
        strings.append(text)
        return strings.count - 1
    }

    // MARK: - Calls

    mutating func lowerCall(_ expr: Expr, _ name: String, _ args: [Argument], _ filter: Expr?,
                            _ ctx: LowerContext) -> NodeRef {
        if case .curve(let curve) = checked.resolutions[expr], let arg = args.first {
            return lowerCurveCall(curve, lower(arg.value, ctx), ctx)
        }
        if case .entity(.scenario, let scenario)? = args.first.flatMap({ checked.resolutions[$0.value] }), args.count == 2,
           let s = symbols.symbols(.scenario).firstIndex(where: { $0.name == scenario }) {
            // `under(crash, x)`: x in the market the scenario's shocks make (a nested `under` wins).
            var shocked = ctx
            shocked.scenario = s
            return lower(args[1].value, shocked)
        }
        if name == Builtins.worstLoss.name, let arg = args.first {
            return worstLoss(arg.value, ctx)
        }
        if let rounding = Builtins.rounding(named: name), let arg = args.first,
           let chain = Builtins.roundedOperation(arg.value) {
            // The direction applies to the chain's own products and quotients, not to nested ones.
            var value = lower(chain.first, ctx)
            for link in chain.links {
                value = builder.binary(Self.kernel(link.op).rounded(rounding), value, lower(link.rhs, ctx), rounding: rounding)
            }
            return value
        }
        let by = args.first { $0.label?.text == Builtins.groupLabel }
        let args = args.filter { $0.label?.text != Builtins.groupLabel }
        let isAggregate = Builtins.lookup(name, arguments: args.count)?.kind == .aggregate || filter != nil
        if isAggregate, let kind = AggregateKind(rawValue: name) {
            if by == nil, let arg = args.first, let key = Builtins.groupKey(in: arg.value) {
                return lowerOverGroups(kind, arg.value, key: key, ctx)
            }
            var filters = [by != nil ? ctx.group.map { groupMember($0.key, $0.index) } : nil, filter.map { lower($0, ctx) }]
            var value = builder.constant(1)
            if let arg = args.first, !Self.isPositions(arg.value) {
                // `count(side == long)` counts the positions where the condition holds: it is a
                // filter, not a value (a count adds 1 per position whatever its value).
                if kind == .count { filters.append(lower(arg.value, ctx)) } else { value = lower(arg.value, ctx) }
            }
            let both = filters.compactMap { $0 }.reduce(nil as NodeRef?) { acc, f in acc.map { builder.binary(.and, $0, f) } ?? f }
            return builder.aggregate(kind, value, filter: both)
        }
        let xs = args.map { lower($0.value, ctx) }
        return lowerFunction(name, xs)
    }

    static func isPositions(_ e: Expr) -> Bool {
        if case .name("positions") = e.kind { return true }
        return false
    }

    mutating func lowerFunction(_ name: String, _ xs: [NodeRef]) -> NodeRef {
        switch (name, xs.count) {
        case ("min", 1...), ("max", 1...):
            return xs.dropFirst().reduce(xs[0]) { builder.binary(name == "min" ? .min : .max, $0, $1) }
        case ("clamp", 3):
            return builder.binary(.min, builder.binary(.max, xs[0], xs[1]), xs[2])
        case ("floor_div", 2): return builder.binary(.floorDivide, xs[0], xs[1])
        case ("ceil_div", 2): return builder.binary(.ceilDivide, xs[0], xs[1])
        case ("isqrt", 1): return builder.unary(.floor, builder.unary(.sqrt, xs[0]))
        case (_, 1):
            if let kernel = UnaryKernel(rawValue: name) { return builder.unary(kernel, xs[0]) }
        default: break
        }
        return builder.constant(.nan)
    }
}
