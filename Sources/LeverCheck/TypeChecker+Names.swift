import LeverSyntax

extension TypeChecker {
    mutating func checkName(_ name: String, _ expr: Expr, _ scope: Scope) -> LeverType {
        if name == "positions" { diagnostics.append(.positionsOutsideCount(at: expr.span)); return .error }
        return record(resolver.resolve(name: name, at: expr.span, scope: scope, suggestions: &suggestions), expr, scope)
    }

    mutating func checkMember(_ base: Expr, _ member: Name, _ expr: Expr, _ scope: Scope) -> LeverType {
        record(resolver.resolve(member: member, of: base, scope: scope, suggestions: &suggestions), expr, scope)
    }

    /// Records a lookup's outcome for the node, applies the level rules and gives the type.
    private mutating func record(_ lookup: Lookup, _ expr: Expr, _ scope: Scope) -> LeverType {
        switch lookup {
        case .failed(let diagnostic):
            diagnostics.append(diagnostic)
            return .error
        case .dynamic(let resolution, let warning):
            if let warning { diagnostics.append(warning) }
            resolutions[expr] = resolution
            checkLevel(resolution, at: expr.span, scope)
            return .dynamic
        case .found(let resolution):
            resolutions[expr] = resolution
            checkLevel(resolution, at: expr.span, scope)
            return type(of: resolution, usedAt: expr.span)
        }
    }

    // MARK: - Levels

    /// The level a resolved name is evaluated at.
    func level(of resolution: Resolution) -> Level {
        switch resolution {
        case .param, .curveParameter, .rowLabel, .word, .entity, .builtin, .curve: .constant
        case .marketInput, .assetInput, .assetProperty: .asset
        case .positionField, .property, .positions: .position
        case .measure(let m): symbols.measure(m)?.level == .position ? .position : .account
        case .setting(let k, let n): Vocabulary.settingsProperties(k)[n]?.level ?? .account
        case .accountResult, .accountAttribute, .tableLabel, .tableField: .account
        }
    }

    /// Applies the level rules: constants read only constants, and account-level expressions
    /// read per-position names only inside an aggregate.
    mutating func checkLevel(_ resolution: Resolution, at span: Span, _ scope: Scope) {
        let level = level(of: resolution)
        if scope.level == .constant, level > .constant, !isCurveParameter(resolution, scope) {
            diagnostics.append(.notConstant(level, purpose: scope.purpose, at: span))
            return
        }
        guard scope.level == .account, !scope.inAggregate else { return }
        let perPosition: Bool = switch resolution {
        case .measure: level == .position
        default: resolution.isPerPosition
        }
        if perPosition { diagnostics.append(.positionLevelOutsideAggregate(resolution, purpose: scope.purpose, at: span)) }
    }

    private func isCurveParameter(_ resolution: Resolution, _ scope: Scope) -> Bool {
        if case .curveParameter = resolution { return true }
        return false
    }

    // MARK: - Types of names

    /// The type a resolved name has.
    mutating func type(of resolution: Resolution, usedAt span: Span) -> LeverType {
        switch resolution {
        case .param(let p): paramType(p, usedAt: span)
        case .measure(let m): measureType(m, usedAt: span)
        case .curveParameter(let p): Vocabulary.marketInputs[p]?.type ?? .plain
        case .marketInput(let n), .assetInput(_, let n): Vocabulary.marketInputs[n]?.type ?? declaredInputType(n) ?? .error
        case .positionField(let n): Vocabulary.positionFields[n]?.type ?? .error
        case .property(let n), .assetProperty(_, let n): propertyType(n, usedAt: span)
        case .setting(let k, let n): Vocabulary.settingsProperties(k)[n]?.type ?? .error
        case .accountResult(let n): Vocabulary.accountResults[n]?.type ?? .error
        case .accountAttribute(let n): Vocabulary.accountAttributes[n]?.type ?? .plain
        case .tableLabel(let t), .rowLabel(let t, _): .label(table: t)
        case .tableField(let t, let f): fieldType(table: t, field: f, usedAt: span)
        case .word(let set, _): .word(set)
        case .entity(let kind, _): .entity(kind)
        case .builtin, .curve, .positions: .error
        }
    }

    mutating func paramType(_ name: String, usedAt span: Span) -> LeverType {
        guard let expr = symbols.param(name) else { return .error }
        return memo("param:\(name)", name: name, usedAt: span) { $0.check(expr, .constant("a param")) }
    }

    mutating func measureType(_ name: String, usedAt span: Span) -> LeverType {
        guard let m = symbols.measure(name) else { return .error }
        let scope: Scope = m.level == .position ? .position("a position measure") : .account("an account measure")
        return memo("measure:\(name)", name: name, usedAt: span) { $0.check(m.value, scope) }
    }

    /// A standard property's declared type, or the type of a custom property's first definition.
    mutating func propertyType(_ name: String, usedAt span: Span) -> LeverType {
        if let known = Vocabulary.standardProperties[name] { return known.type }
        guard let first = firstCustomDefinition(name) else { return .error }
        return propertyValueType(first, usedAt: span)
    }

    /// The type of a property line's value in a class, asset or venue body, worked out once.
    mutating func propertyValueType(_ property: Property, usedAt span: Span) -> LeverType {
        let key = "node:\(property.span.file)#\(property.id.raw)"
        return memo(key, name: property.name.text, usedAt: span) {
            $0.check(property.value, .position("an asset property"))
        }
    }

    /// The first class line that defines a custom property, in declaration order.
    func firstCustomDefinition(_ name: String) -> Property? {
        for symbol in symbols.symbols(.class) {
            guard case .classDecl(_, _, let body) = symbol.declaration.kind else { continue }
            if let p = body.first(where: { $0.name.text == name && $0.op == .set }) { return p }
        }
        return nil
    }

    /// A table field's type: the standard tier field's, or the first row's value that sets it.
    mutating func fieldType(table: String, field: String, usedAt span: Span) -> LeverType {
        guard let decl = symbols.table(table) else { return .error }
        if decl.isTiers, let known = Vocabulary.tierFields[field] { return known.type }
        for row in decl.rows {
            if let p = row.body.first(where: { $0.name.text == field }) { return rowFieldType(p, usedAt: span) }
        }
        return .error
    }

    /// The type of one row's field value, worked out once.
    mutating func rowFieldType(_ property: Property, usedAt span: Span) -> LeverType {
        let key = "node:\(property.span.file)#\(property.id.raw)"
        return memo(key, name: property.name.text, usedAt: span) {
            $0.check(property.value, .account("a table field"))
        }
    }
}
