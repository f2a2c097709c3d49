import LeverSyntax

extension TypeChecker {
    mutating func checkCall(_ name: Name, _ args: [Argument], _ filter: Expr?, _ expr: Expr, _ scope: Scope) -> LeverType {
        switch resolver.resolve(function: name, suggestions: &suggestions) {
        case .failed(let diagnostic), .dynamic(_, .some(let diagnostic)):
            diagnostics.append(diagnostic)
            args.forEach { check($0.value, scope.nested) }
            return .error
        case .dynamic(let resolution, nil), .found(let resolution):
            resolutions[expr] = resolution
            if case .curve(let curve) = resolution { return checkCurveCall(curve, name, args, filter, scope) }
            guard let builtin = Builtins.lookup(name.text, arguments: args.count) else { return .error }
            return checkBuiltin(builtin, name, args, filter, expr, scope)
        }
    }

    private mutating func checkBuiltin(_ builtin: Builtin, _ name: Name, _ args: [Argument], _ filter: Expr?,
                                       _ expr: Expr, _ scope: Scope) -> LeverType {
        switch builtin.kind {
        case .aggregate: return checkAggregate(builtin, name, args, filter, expr, scope)
        case .curveShape: return checkKinked(name, args, filter, expr, scope)
        case .scenario where builtin.name == Builtins.worstLoss.name:
            // `worst_loss(x)`: x's type, at x's level.
            guard positional(builtin, name, args, filter, count: 1, scope) else { return .error }
            let type = check(args[0].value, scope.nested)
            guard numeric((args[0].value, type), "`worst_loss`") != nil else { return .error }
            return type
        case .scenario: return checkUnder(builtin, name, args, filter, scope)
        case .function:
            rejectFilter(filter, of: name, scope)
            rejectLabels(args)
            guard builtin.accepts(count: args.count) else {
                args.forEach { check($0.value, scope.nested) }
                diagnostics.append(.wrongArity(builtin, got: args.count, at: name.span))
                return .error
            }
            let operands = args.map { ($0.value, check($0.value, scope.nested)) }
            if Builtins.rounding(named: builtin.name) != nil, Builtins.roundedOperation(args[0].value) == nil {
                diagnostics.append(.nothingToRound(name.text, args[0].value))
            }
            if Arithmetic.inexactFunctions.contains(builtin.name), symbols.arithmetic.isFixedPoint {
                diagnostics.append(.inexactInFixedPoint("`\(name.text)`", symbols.arithmetic, at: name.span))
            }
            return applyUnitRule(builtin, name, operands)
        }
    }

    /// `under(SCENARIO, x)`: the first argument names a scenario, the value is `x`'s, at `x`'s level.
    private mutating func checkUnder(_ builtin: Builtin, _ name: Name, _ args: [Argument], _ filter: Expr?,
                                     _ scope: Scope) -> LeverType {
        guard positional(builtin, name, args, filter, count: 2, scope) else { return .error }
        if case .name(let scenario) = args[0].value.kind, symbols.lookup(.scenario, scenario) != nil {
            resolutions[args[0].value] = .entity(.scenario, scenario)
        } else {
            let written = args[0].value.span
            let text = ASTDump.dump(args[0].value)
            diagnostics.append(.notAScenario(text, at: written,
                                             suggestion: suggestions.closest(to: text, in: symbols.names(.scenario))))
        }
        return check(args[1].value, scope.nested)
    }

    /// A call that takes exactly `count` unlabelled arguments and no `where`: reports what is
    /// wrong (checking the arguments anyway) and returns whether the call has that shape.
    private mutating func positional(_ builtin: Builtin, _ name: Name, _ args: [Argument], _ filter: Expr?,
                                     count: Int, _ scope: Scope) -> Bool {
        rejectFilter(filter, of: name, scope)
        rejectLabels(args)
        guard args.count == count else {
            args.forEach { check($0.value, scope.nested) }
            diagnostics.append(.wrongArity(builtin, got: args.count, at: name.span))
            return false
        }
        return true
    }

    /// The result type of a function from its arguments' types.
    private mutating func applyUnitRule(_ builtin: Builtin, _ name: Name, _ operands: [Operand]) -> LeverType {
        let dims = operands.compactMap { numeric($0, "`\(name.text)`") }
        guard dims.count == operands.count, let first = dims.first else { return .error }
        switch builtin.unitRule {
        case .same, .ratios:
            for (operand, d) in zip(operands, dims).dropFirst() where d != first {
                diagnostics.append(.argumentMismatch(name.text, operands[0], operand))
                return .error
            }
            return .number(first)
        case .squareRoot:
            guard let root = first.squareRoot else {
                diagnostics.append(.oddSquareRoot(operands[0]))
                return .error
            }
            return .number(root)
        case .quotient:
            return .number(first / dims[dims.count - 1])
        case .dimensionless:
            if !first.isDimensionless { diagnostics.append(.needsDimensionless("`\(name.text)`", operands[0].type, at: operands[0].expr.span)) }
            return .plain
        case .count: return .plain
        }
    }

    private mutating func checkAggregate(_ builtin: Builtin, _ name: Name, _ allArgs: [Argument], _ filter: Expr?,
                                         _ expr: Expr, _ scope: Scope) -> LeverType {
        // `by: asset` makes it a grouped aggregate: one value per group, read by an outer
        // aggregate over the groups (`sum(abs(sum(market_value, by: asset)))`).
        let by = allArgs.first { $0.label?.text == Builtins.groupLabel }
        let args = allArgs.filter { $0.label?.text != Builtins.groupLabel }
        if let by { checkGroupKey(by, of: name, scope) } else if scope.inAggregate { diagnostics.append(.nestedAggregate(at: name.span)) }
        if scope.level == .constant { diagnostics.append(.notConstant(.account, purpose: scope.purpose, at: expr.span)) }
        rejectLabels(args)
        let inner = scope.aggregate
        guard args.count == 1, let arg = args.first else {
            if let filter { checkCondition(filter, inner, what: "a `where` filter") }
            args.forEach { check($0.value, inner) }
            diagnostics.append(.wrongArity(builtin, got: args.count, at: name.span))
            return .error
        }
        // An aggregate whose argument holds grouped aggregates runs over the groups, not the
        // positions: its argument is evaluated once per group.
        if by == nil, let key = Builtins.groupKey(in: arg.value) {
            if let filter {
                diagnostics.append(.filterOnGroups(name.text, key: key, at: filter.span))
                checkCondition(filter, inner, what: "a `where` filter")
            }
            if builtin.name == "count" { return checkCount(arg.value, scope.groups(key)) }
            let type = check(arg.value, scope.groups(key))
            guard numeric((arg.value, type), "`\(name.text)`") != nil else { return .error }
            return type
        }
        if let filter { checkCondition(filter, inner, what: "a `where` filter") }
        if builtin.name == "count" { return checkCount(arg.value, inner) }
        let type = check(arg.value, inner)
        guard numeric((arg.value, type), "`\(name.text)`") != nil else { return .error }
        return type
    }

    /// A grouped aggregate must sit in an aggregate over groups of the same key.
    private mutating func checkGroupKey(_ by: Argument, of name: Name, _ scope: Scope) {
        let written: String? = if case .name(let key) = by.value.kind { key } else { nil }
        guard let key = written, Builtins.groupKeys.contains(key) else {
            let text = written ?? ASTDump.dump(by.value)
            diagnostics.append(.unknownGroupKey(text, at: by.value.span,
                                                suggestion: suggestions.closest(to: text, in: Builtins.groupKeys)))
            return
        }
        if scope.inAggregate {
            diagnostics.append(.nestedAggregate(at: name.span))
        } else if let outer = scope.groupKey, outer != key {
            diagnostics.append(.mixedGroupKeys(key, outer: outer, at: by.value.span))
        } else if scope.groupKey == nil {
            diagnostics.append(.groupedAggregateAlone(name.text, key: key, at: name.span))
        }
    }

    private mutating func checkCount(_ arg: Expr, _ scope: Scope) -> LeverType {
        if case .name("positions") = arg.kind {
            resolutions[arg] = .positions
            types[arg] = .dynamic
        } else {
            checkCondition(arg, scope, what: "`count`")
        }
        return .plain
    }

    private mutating func checkCurveCall(_ curve: String, _ name: Name, _ args: [Argument], _ filter: Expr?,
                                         _ scope: Scope) -> LeverType {
        rejectFilter(filter, of: name, scope)
        rejectLabels(args)
        let operands = args.map { ($0.value, check($0.value, scope.nested)) }
        guard let decl = symbols.curve(curve) else { return .error }
        guard operands.count == 1, let arg = operands.first else {
            diagnostics.append(.curveArity(curve, got: operands.count, at: name.span))
            return curveType(decl, usedAt: name.span)
        }
        let expected = Vocabulary.marketInputs[decl.parameter.text]?.type ?? .plain
        if let d = numeric(arg, "`\(curve)`"), let e = expected.dimension {
            if d != e {
                diagnostics.append(.curveArgumentMismatch(curve, parameter: decl.parameter.text, expected: expected, arg))
            } else {
                checkPlainRatio(arg.0, curve: curve, parameter: decl.parameter.text)
            }
        }
        return curveType(decl, usedAt: name.span)
    }

    /// Reports a `where` filter on something that is not an aggregate.
    private mutating func rejectFilter(_ filter: Expr?, of name: Name, _ scope: Scope) {
        guard let filter else { return }
        diagnostics.append(.filterOnFunction(name.text, at: filter.span))
        check(filter, scope.aggregate)
    }

    /// Reports argument labels given to a function that takes positional arguments.
    private mutating func rejectLabels(_ args: [Argument]) {
        for label in args.compactMap(\.label) { diagnostics.append(.unexpectedLabel(label)) }
    }
}
