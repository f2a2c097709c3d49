import LeverCheck
import LeverSyntax

extension Lowerer {
    /// The `reputation` block's rules, in base units (years), with the scores they hold.
    func reputationRules() -> ReputationRules {
        let fold = folder
        let decl = symbols.lookup(.settings, Keyword.reputation.rawValue)?.declaration
        let body = symbols.settingsBody(.reputation) ?? []
        let age = body.last { $0.name.text == "max_score_age" }.flatMap { fold.fold($0.value) } ?? .infinity
        var stale = ReputationRules.Stale.unvalued
        if let item = body.last(where: { $0.name.text == "stale_score" }), case .name(let word) = item.value.kind,
           let row = symbols.table("tier")?.rows.firstIndex(where: { $0.label.text == word }) {
            stale = .tier(row: row, label: word)
        }
        return ReputationRules(scores: reputationScores(), maxAge: age, stale: stale,
                               location: decl.map { Self.shortLocation($0.span, in: checked.sources) } ?? "")
    }

    /// `account.score`, and every account attribute a key of the `tiers` table reads, in the
    /// order the keys name them.
    func reputationScores() -> [ReputationRules.Score] {
        var scores = [ReputationRules.Score(input: .score, path: "account.score")]
        func visit(_ expr: Expr) {
            if case .accountAttribute(let name)? = checked.resolutions[expr], name != "score",
               !scores.contains(where: { $0.input == .attribute(name) }) {
                scores.append(ReputationRules.Score(input: .attribute(name), path: "account.\(name)"))
            }
            expr.kind.forEachChild(visit)
        }
        symbols.table("tier")?.keys.forEach(visit)
        return scores
    }

    /// The tier row with the `reputation` block's downgrade applied: the named tier for an
    /// account whose score is stale (the engine's per-account `staleTier`), else the row the
    /// scores select.
    mutating func downgradedTier(_ row: NodeRef) -> NodeRef {
        guard case .tier(_, let label) = reputationRules().stale else { return row }
        let override = builder.add(.accountInput(.staleTier))
        let chosen = builder.select(builder.unary(.isUndefined, override), row, override)
        return named(chosen, "tier", "\(label) when a score is stale, undated or missing (`reputation`), else the tiers' row")
    }
}
