import LeverSyntax

/// A measure declaration's parts.
public struct MeasureInfo: Sendable, Hashable {
    public var name: Name
    public var level: MeasureLevel
    public var value: Expr
}

extension SymbolTable {
    /// The expression of a param, if declared.
    public func param(_ name: String) -> Expr? {
        guard let s = lookup(.param, name), case .param(_, let e) = s.declaration.kind else { return nil }
        return e
    }

    /// The declared range of an input (`vol`, `account.score`, `BTC.vol`), if declared.
    public func inputRange(_ name: String) -> Interval? {
        guard let s = lookup(.input, name), case .input(_, let i) = s.declaration.kind else { return nil }
        return i
    }

    /// Market inputs the policy declares beyond the engine's (`input asset.adv_30d in […]`): their
    /// names, in declaration order. Each asset's value comes from its `inputs` in the market file.
    public var declaredMarketInputs: [String] {
        names(.input).compactMap { $0.hasPrefix("asset.") ? String($0.dropFirst(6)) : nil }
    }

    /// Whether a name is a market input: the engine's or one the policy declares.
    public func isMarketInput(_ name: String) -> Bool {
        Vocabulary.marketInputs[name] != nil || declaredMarketInputs.contains(name)
    }

    /// A table by the name expressions read it as (`tier` for the `tiers` table).
    public func table(_ name: String) -> TableDecl? {
        guard let s = lookup(.table, name), case .table(let t) = s.declaration.kind else { return nil }
        return t
    }

    /// The scores the `reputation` block holds to an age: the account inputs (`score` for
    /// `account.score`, attribute names) the keys of the `tiers` table read, directly or through
    /// the measures they read, in the order found; `score` alone for a policy without tiers.
    public var reputationScores: [String] {
        guard let tiers = table("tier") else { return ["score"] }
        var names: [String] = [], measures: Set<String> = []
        func visit(_ expr: Expr) {
            switch expr.kind {
            case .member(let base, let name):
                if case .name("account") = base.kind, !names.contains(name.text) { names.append(name.text) }
            case .name(let name):
                if let m = measure(name), measures.insert(name).inserted { visit(m.value) }
            default: break
            }
            expr.kind.forEachChild(visit)
        }
        tiers.keys.forEach(visit)
        return names
    }

    /// The `reputation` property that sets one score's own age (`max_rating_age` for
    /// `account.rating`); `max_score_age` is `account.score`'s and every other score's default.
    public static func maxAgeProperty(score: String) -> String { "max_\(score)_age" }

    /// Every table, in declaration order.
    public var tables: [TableDecl] {
        symbols(.table).compactMap { s in
            if case .table(let t) = s.declaration.kind { return t }
            return nil
        }
    }

    /// A curve by name, if declared.
    public func curve(_ name: String) -> CurveDecl? {
        guard let s = lookup(.curve, name), case .curve(let c) = s.declaration.kind else { return nil }
        return c
    }

    /// Every curve, in declaration order.
    public var curves: [CurveDecl] {
        symbols(.curve).compactMap { s in
            if case .curve(let c) = s.declaration.kind { return c }
            return nil
        }
    }

    /// A measure by name, if declared.
    public func measure(_ name: String) -> MeasureInfo? {
        guard let s = lookup(.measure, name), case .measure(let n, let level, let e) = s.declaration.kind
        else { return nil }
        return MeasureInfo(name: n, level: level, value: e)
    }
}
