import LeverSyntax

extension TypeChecker {
    /// Checks a table's keys, patterns and row fields. Coverage and overlap are the `tables`
    /// stage's business (Analyses/TableAnalysis).
    mutating func checkTable(_ table: TableDecl) {
        let keyScope = Scope.account("a table key")
        let keyTypes = table.keys.map { check($0, keyScope) }
        for row in table.rows {
            for (pattern, pair) in zip(row.patterns, zip(table.keys, keyTypes)) {
                checkPattern(pattern, key: (pair.0, pair.1))
            }
            row.body.forEach { checkField($0, of: table) }
        }
    }

    private mutating func checkPattern(_ pattern: Pattern, key: Operand) {
        let scope = Scope.constant("a table pattern")
        switch pattern {
        case .interval(let interval):
            for bound in [interval.lower, interval.upper] { checkPatternValue(bound, key: key, scope) }
        case .comparison(_, let bound, _):
            checkPatternValue(bound, key: key, scope)
        case .values(let values, _):
            values.forEach { checkPatternValue($0, key: key, scope) }
        case .any:
            break
        }
    }

    private mutating func checkPatternValue(_ value: Expr, key: Operand, _ scope: Scope) {
        let type = check(value, scope)
        guard !type.isUnchecked, !key.type.isUnchecked else { return }
        if let kd = key.type.dimension, let vd = type.dimension {
            if kd != vd { diagnostics.append(.boundMismatch(key, (value, type))) }
        } else if !Self.comparable(key.type, type) {
            diagnostics.append(.cannotCompare(key, (value, type), at: value.span))
        }
    }

    /// A row field: standard tier fields have fixed units; others keep the first row's unit.
    private mutating func checkField(_ property: Property, of table: TableDecl) {
        let got = rowFieldType(property, usedAt: property.span)
        if property.op != .set {
            diagnostics.append(.nothingToAdjust(property, owner: "a table row"))
            return
        }
        if table.isTiers, let known = Vocabulary.tierFields[property.name.text] {
            checkValue(property, expected: known.type, got: got, range: known.range)
            return
        }
        guard let first = firstField(property.name.text, in: table), first.id != property.id || first.span != property.span
        else { return }
        let expected = rowFieldType(first, usedAt: property.span)
        guard let e = expected.dimension, let g = got.dimension, e != g else { return }
        diagnostics.append(.fieldUnitMismatch(property.name, expected: expected, got: got, first: first.value.span))
    }

    private func firstField(_ name: String, in table: TableDecl) -> Property? {
        for row in table.rows {
            if let p = row.body.first(where: { $0.name.text == name }) { return p }
        }
        return nil
    }
}
