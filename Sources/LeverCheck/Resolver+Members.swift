import LeverSyntax

extension Resolver {
    /// What `base.member` refers to: `account.score`, `tier.credit_line`, `BTC.price`.
    func resolve(member: Name, of base: Expr, scope: Scope, suggestions: inout SuggestionBudget) -> Lookup {
        guard case .name(let baseName) = base.kind else { return .failed(.noFields(at: member.span)) }
        if scope.curveParameter != baseName, symbols.lookup(.param, baseName) == nil {
            if baseName == "account" { return accountAttribute(member, &suggestions) }
            if let table = symbols.table(baseName) { return tableField(table, member, &suggestions) }
            if symbols.lookup(.asset, baseName) != nil { return assetInput(baseName, member, &suggestions) }
        }
        if lookup(baseName, scope: scope) != nil { return .failed(.noFields(at: member.span)) }
        let bases = ["account"] + symbols.names(.table) + symbols.names(.asset)
        return .failed(.unknownName(baseName, at: base.span, suggestion: suggestions.closest(to: baseName, in: bases)))
    }

    private func accountAttribute(_ member: Name, _ suggestions: inout SuggestionBudget) -> Lookup {
        let name = member.text
        let declared = symbols.names(.input).compactMap { $0.hasPrefix("account.") ? String($0.dropFirst(8)) : nil }
        if Vocabulary.accountAttributes[name] != nil || declared.contains(name) {
            return .found(.accountAttribute(name))
        }
        let known = Array(Vocabulary.accountAttributes.keys) + declared
        let warning = suggestions.closest(to: name, in: known).map { Diagnostic.unknownAccountAttribute(member, suggestion: $0) }
        return .dynamic(.accountAttribute(name), warning: warning)
    }

    private func tableField(_ table: TableDecl, _ member: Name, _ suggestions: inout SuggestionBudget) -> Lookup {
        let fields = Self.fields(of: table)
        if fields.contains(member.text) { return .found(.tableField(table: table.name.text, field: member.text)) }
        let suggestion = suggestions.closest(to: member.text, in: fields)
        return .failed(.unknownField(member, table: table.name.text, suggestion: suggestion))
    }

    private func assetInput(_ asset: String, _ member: Name, _ suggestions: inout SuggestionBudget) -> Lookup {
        if symbols.isMarketInput(member.text) { return .found(.assetInput(asset: asset, input: member.text)) }
        // `BTC.haircut`: a standard property, or one the asset's class chain defines.
        if Vocabulary.standardProperties[member.text] != nil || !symbols.propertyChain(asset: asset, property: member.text).isEmpty {
            return .found(.assetProperty(asset: asset, property: member.text))
        }
        let own = Set(symbols.assetInfo(asset).map { info in
            symbols.classChain(info.cls.text).flatMap(\.body).map(\.name.text) + info.body.map(\.name.text)
        } ?? [])
        let suggestion = suggestions.closest(to: member.text, in: Array(Vocabulary.marketInputs.keys) + Array(Vocabulary.standardProperties.keys) + own.sorted())
        return .failed(.unknownAssetMember(member, asset: asset, suggestion: suggestion))
    }

    /// The fields rows of a table set, plus the standard tier fields for `tiers`.
    static func fields(of table: TableDecl) -> [String] {
        var fields = Set(table.rows.flatMap { $0.body.map(\.name.text) })
        if table.isTiers { fields.formUnion(Vocabulary.tierFields.keys) }
        return fields.sorted()
    }

    /// What a called name refers to: a builtin or a declared curve.
    func resolve(function name: Name, suggestions: inout SuggestionBudget) -> Lookup {
        if Builtins.isBuiltin(name.text) { return .found(.builtin(name.text)) }
        if symbols.curve(name.text) != nil { return .found(.curve(name.text)) }
        let suggestion = suggestions.closest(to: name.text, in: Builtins.names + symbols.names(.curve))
        return .failed(.unknownFunction(name, suggestion: suggestion))
    }
}
