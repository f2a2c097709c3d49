import LeverCheck
import LeverSyntax

extension Lowerer {
    /// The `reputation` block's rules, with the scores they hold.
    func reputationRules() -> ReputationRules {
        let decl = symbols.lookup(.settings, Keyword.reputation.rawValue)?.declaration
        let body = symbols.settingsBody(.reputation) ?? []
        var stale = ReputationRules.Stale.unvalued
        if let item = body.last(where: { $0.name.text == "stale_score" }), case .name(let word) = item.value.kind,
           let row = symbols.table("tier")?.rows.firstIndex(where: { $0.label.text == word }) {
            stale = .tier(row: row, label: word)
        }
        return ReputationRules(scores: reputationScores(), stale: stale,
                               location: decl.map { Self.shortLocation($0.span, in: checked.sources) } ?? "")
    }

    /// The scores the tiers read (`SymbolTable.reputationScores`), each with its age limit in
    /// years: its own (`max_rating_age`), else `max_score_age`, else none.
    func reputationScores() -> [ReputationRules.Score] {
        let fold = folder
        let body = symbols.settingsBody(.reputation) ?? []
        func age(_ property: String) -> Double? { body.last { $0.name.text == property }.flatMap { fold.fold($0.value) } }
        let common = age("max_score_age") ?? .infinity
        let sources = checked.sources
        func location(_ property: String) -> String {
            body.last { $0.name.text == property }.map { Self.shortLocation($0.span, in: sources) } ?? ""
        }
        return symbols.reputationScores.map { name in
            let own = SymbolTable.maxAgeProperty(score: name), ownAge = age(own)
            let property = ownAge == nil ? "max_score_age" : own
            return ReputationRules.Score(input: name == "score" ? .score : .attribute(name), path: "account.\(name)",
                                         maxAge: ownAge ?? common, ageProperty: property, ageLocation: location(property))
        }
    }

    /// The tier row with the `reputation` block's downgrade applied: the named tier for an
    /// account whose score is stale (the engine's per-account `staleTier`), else the row the
    /// scores select.
    mutating func downgradedTier(_ row: NodeRef) -> NodeRef {
        guard case .tier(_, let label) = reputation.stale else { return row }
        let override = builder.add(.accountInput(.staleTier))
        let chosen = builder.select(builder.unary(.isUndefined, override), row, override)
        return named(chosen, "tier", "\(label) when a score is stale, undated or missing (`reputation`), else the tiers' row")
    }
}
