import LeverSyntax

/// Works out the type and unit of every expression, resolving names on the way, and reports
/// type, unit and level errors.
///
/// One walk does resolution and typing because the type of a name depends on what it refers to;
/// the diagnostics are split into the `resolve`, `typecheck` and `units` stages by code afterwards.
/// The types of params, measures, custom properties and table fields are worked out on first
/// use and remembered, so declarations may appear in any order; cycles are reported.
struct TypeChecker {
    let symbols: SymbolTable
    let resolver: Resolver
    let folder: ConstantFolder
    let sources: SourceMap
    var types = NodeTable<LeverType>()
    var resolutions = NodeTable<Resolution>()
    var diagnostics: [Diagnostic] = []
    /// The work left for "did you mean" searches in this check, shared by every unknown name.
    var suggestions = SuggestionBudget()
    /// Types of declarations worked out so far, by key (`param:z`, `node:3#17`).
    var declared: [String: LeverType] = [:]
    /// Declarations being worked out: meeting one again means a cycle.
    var visiting: Set<String> = []
    /// How many declarations are being worked out inside each other; capped to bound the stack.
    var lazyDepth = 0
    /// Properties each class chain defines, worked out once per class.
    var definedByClass: [String: Set<String>] = [:]
    static let maxLazyDepth = 48

    init(symbols: SymbolTable, sources: SourceMap) {
        self.symbols = symbols
        self.resolver = Resolver(symbols: symbols)
        self.folder = ConstantFolder(symbols: symbols)
        self.sources = sources
    }

    /// The type of an expression, recorded in `types`.
    @discardableResult
    mutating func check(_ expr: Expr, _ scope: Scope) -> LeverType {
        let type = infer(expr, scope)
        types[expr] = type
        return type
    }

    private mutating func infer(_ expr: Expr, _ scope: Scope) -> LeverType {
        let inner = scope.nested
        switch expr.kind {
        case .number(let literal): return .number(UnitTable.quantity(of: literal)?.dimension ?? .none)
        case .string: return .string
        case .bool: return .bool
        case .name(let name): return checkName(name, expr, scope)
        case .member(let base, let member): return checkMember(base, member, expr, scope)
        case .unary(let op, let operand): return checkUnary(op, operand, inner)
        case .binary: return checkChain(expr, inner)
        case .call(let name, let args, let filter): return checkCall(name, args, filter, expr, scope)
        case .conditional(let c, let t, let e): return checkConditional(c, t, e, inner)
        case .inRange(let x, let interval): return checkInRange(x, interval, inner)
        case .per(let amount, let unit, let base, let above): return checkPer(amount, unit, base, above, inner)
        case .paren(let e): return check(e, scope)
        case .missing: return .error
        }
    }

    /// Checks that an expression is a condition.
    mutating func checkCondition(_ expr: Expr, _ scope: Scope, what: String) {
        let type = check(expr, scope)
        guard !type.isUnchecked, type != .bool else { return }
        diagnostics.append(.expectedCondition(type, what: what, at: expr.span))
    }

    /// Remembers the type of a declaration, working it out once; a cycle gives `.error`.
    mutating func memo(_ key: String, name: String, usedAt span: Span,
                       _ compute: (inout TypeChecker) -> LeverType) -> LeverType {
        if let type = declared[key] { return type }
        if visiting.contains(key) {
            diagnostics.append(.definedInTermsOfItself(name, at: span))
            return .error
        }
        guard lazyDepth < Self.maxLazyDepth else { return .dynamic }
        visiting.insert(key)
        lazyDepth += 1
        let type = compute(&self)
        lazyDepth -= 1
        visiting.remove(key)
        declared[key] = type
        return type
    }

    /// The span of the operator between two operands, for carets that point at `+`.
    func operatorSpan(_ l: Expr, _ r: Expr) -> Span {
        guard let file = sources.file(l.span.file), l.span.file == r.span.file, l.span.end <= r.span.start
        else { return l.span.to(r.span) }
        var start = l.span.end, end = r.span.start
        let isSpace: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        while start < end, start < file.bytes.count, isSpace(file.bytes[start]) { start += 1 }
        while end > start, end - 1 < file.bytes.count, isSpace(file.bytes[end - 1]) { end -= 1 }
        return Span(file: l.span.file, start: start, end: end)
    }
}
