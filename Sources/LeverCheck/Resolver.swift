import LeverSyntax

/// The outcome of looking a name up: what it refers to, or the diagnostic explaining why not.
enum Lookup: Sendable {
    case found(Resolution)
    /// The name is unknown; the diagnostic has been made but not yet reported.
    case failed(Diagnostic)
    /// The reference is read from data the policy does not describe; its type is not checked.
    case dynamic(Resolution, warning: Diagnostic?)
}

/// Finds what bare names, member accesses and calls refer to, and suggests the closest known name
/// when they refer to nothing.
///
/// Bare names are tried in a fixed order, so a param shadows a standard name, which shadows an
/// enum word, which shadows an asset name: curve parameter, params, measures, margin settings,
/// properties, position fields, market inputs, account results, tables, enum words, entities,
/// row labels.
struct Resolver: Sendable {
    let symbols: SymbolTable
    /// Names of properties that some class defines without them being standard.
    let customProperties: Set<String>
    /// Every bare name any scope could mean, sorted, gathered once: an unknown name is looked
    /// up against them for a suggestion, and a policy may have thousands of unknown names.
    let bareNames: [String]
    /// The table each row label belongs to (the first declared, when two tables share one),
    /// found once rather than by walking every table for every name.
    let rowLabels: [String: String]

    init(symbols: SymbolTable) {
        self.symbols = symbols
        var custom: Set<String> = []
        for symbol in symbols.symbols(.class) {
            guard case .classDecl(_, _, let body) = symbol.declaration.kind else { continue }
            for p in body where Vocabulary.standardProperties[p.name.text] == nil { custom.insert(p.name.text) }
        }
        self.customProperties = custom
        var names = symbols.names(.param) + symbols.names(.measure) + symbols.names(.table)
        names += Array(Vocabulary.marginProperties.keys) + Array(Vocabulary.standardProperties.keys)
        names += Array(custom) + Array(Vocabulary.positionFields.keys)
        names += Array(Vocabulary.marketInputs.keys) + Array(Vocabulary.accountResults.keys)
        names += WordSet.allCases.flatMap(\.words)
        names += symbols.names(.asset) + symbols.names(.class) + symbols.names(.venue) + symbols.names(.chain)
        self.bareNames = names.sorted()
        var labels: [String: String] = [:]
        for table in symbols.tables {
            for row in table.rows where labels[row.label.text] == nil { labels[row.label.text] = table.name.text }
        }
        self.rowLabels = labels
    }

    /// What a bare name refers to in a scope; the search for a suggestion when it refers to
    /// nothing spends from `suggestions`.
    func resolve(name: String, at span: Span, scope: Scope, suggestions: inout SuggestionBudget) -> Lookup {
        if let found = lookup(name, scope: scope) { return .found(found) }
        return .failed(.unknownName(name, at: span, suggestion: suggestions.closest(to: name, in: candidates(scope))))
    }

    /// What a bare name refers to in a scope, if anything.
    func lookup(_ name: String, scope: Scope) -> Resolution? {
        resolveDeclared(name, scope: scope) ?? resolveBuiltIn(name) ?? resolveEntity(name)
    }

    private func resolveDeclared(_ name: String, scope: Scope) -> Resolution? {
        if scope.curveParameter == name { return .curveParameter(name) }
        if symbols.lookup(.param, name) != nil { return .param(name) }
        if symbols.lookup(.measure, name) != nil { return .measure(name) }
        return nil
    }

    private func resolveBuiltIn(_ name: String) -> Resolution? {
        if Vocabulary.marginProperties[name] != nil { return .setting(.margin, name) }
        if Vocabulary.standardProperties[name] != nil || customProperties.contains(name) { return .property(name) }
        if Vocabulary.positionFields[name] != nil { return .positionField(name) }
        if symbols.isMarketInput(name) { return .marketInput(name) }
        if Vocabulary.accountResults[name] != nil { return .accountResult(name) }
        if symbols.lookup(.table, name) != nil { return .tableLabel(name) }
        if let set = WordSet.containing(name) { return .word(set, name) }
        return nil
    }

    private func resolveEntity(_ name: String) -> Resolution? {
        for kind in [SymbolKind.asset, .class, .venue, .chain] where symbols.lookup(kind, name) != nil {
            return .entity(kind, name)
        }
        return rowLabels[name].map { .rowLabel(table: $0, label: name) }
    }

    /// Every bare name a scope could mean, for suggestions: the scope's curve parameter first
    /// (the most local name, so never beyond `Suggestion.maxCandidates`), then `bareNames`.
    func candidates(_ scope: Scope) -> [String] {
        guard let parameter = scope.curveParameter else { return bareNames }
        return [parameter] + bareNames
    }
}
