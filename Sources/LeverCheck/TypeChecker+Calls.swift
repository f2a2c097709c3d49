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
            return applyUnitRule(builtin, name, operands)
        }
    }

    /// `under(SCENARIO, x)`: the first argument names a scenario, the value is `x`'s, at `x`'s level.
    private mutating func checkUnder(_ builtin: Builtin, _ name: Name, _ args: [Argument], _ filter: Expr?,
                                     _ scope: Scope) -> LeverType {
        rejectFilter(filter, of: name, scope)
        rejectLabels(args)
        guard args.count == 2 else {
            args.forEach { check($0.value, scope.nested) }
            diagnostics.append(.wrongArity(builtin, got: args.count, at: name.span))
            return .error
        }
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
        case .dimensionless:
            if !first.isDimensionless { diagnostics.append(.needsDimensionless("`\(name.text)`", operands[0].type, at: operands[0].expr.span)) }
            return .plain
        case .count: return .plain
        }
    }

    private mutating func checkAggregate(_ builtin: Builtin, _ name: Name, _ args: [Argument], _ filter: Expr?,
                                         _ expr: Expr, _ scope: Scope) -> LeverType {
        if scope.inAggregate { diagnostics.append(.nestedAggregate(at: name.span)) }
        if scope.level == .constant { diagnostics.append(.notConstant(.account, purpose: scope.purpose, at: expr.span)) }
        rejectLabels(args)
        let inner = scope.aggregate
        if let filter { checkCondition(filter, inner, what: "a `where` filter") }
        guard args.count == 1, let arg = args.first else {
            args.forEach { check($0.value, inner) }
            diagnostics.append(.wrongArity(builtin, got: args.count, at: name.span))
            return .error
        }
        if builtin.name == "count" { return checkCount(arg.value, inner) }
        let type = check(arg.value, inner)
        guard numeric((arg.value, type), "`\(name.text)`") != nil else { return .error }
        return type
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
