import LeverSyntax

/// What a `guard` declaration's target names, worked out against the policy's declarations.
///
/// Shared by the checker (which reports unknown targets and unit mismatches) and by
/// `Guardrails.check` (which reads the guarded values of two policy versions), so both read a
/// target the same way. A bare name is tried as a property first (so `guard ltv` caps every
/// asset's LTV), then as a param, then as a margin setting; `guard param z` is always the param.
public enum GuardTarget: Sendable, Hashable {
    /// A property of every asset (`ltv`).
    case property(String)
    /// One asset's property (`WETH.ltv`).
    case assetProperty(asset: String, property: String)
    /// The property of every asset whose class chain includes the class (`stablecoin.reserve_factor`).
    case classProperty(class: String, property: String)
    /// A param (`param z`).
    case param(String)
    /// A field of every row of a table (`tier.credit_line`).
    case tableField(table: String, field: String)
    /// An argument of a `kinked` curve (`eth_rate.slope2`); a `points` or `steps` curve's values
    /// are guarded as `CURVE.points`.
    case curveArgument(curve: String, label: String)
    /// The y value of every point of a `points` or `steps` curve, matched by x (`house_rate.points`).
    case curvePoints(curve: String)
    /// A setting of the `margin` block (`margin.bonus`).
    case marginSetting(String)

    /// The outcome of reading a target: what it names, or the error explaining why nothing.
    public enum Resolved: Sendable {
        /// The target names this parameter.
        case found(GuardTarget)
        /// The target names nothing guardable; the error (L0225) carries a "did you mean".
        case unknown(Diagnostic)
    }

    /// How the parameter reads in messages: `liquidation_threshold`, `param z`, `tier.credit_line`.
    public var display: String {
        switch self {
        case .property(let p): p
        case .assetProperty(_, let p), .classProperty(_, let p): p
        case .param(let n): "param \(n)"
        case .tableField(let t, let f): "\(t).\(f)"
        case .curveArgument(let c, let l): "\(c).\(l)"
        case .curvePoints(let c): "\(c).points"
        case .marginSetting(let s): "margin.\(s)"
        }
    }

    /// Reads a guard's target, or explains (with a suggestion) why it names nothing guardable.
    public static func resolve(_ decl: GuardDecl, in symbols: SymbolTable) -> GuardTarget.Resolved {
        var suggestions = SuggestionBudget(work: .max)
        return resolve(decl, in: symbols, suggestions: &suggestions)
    }

    /// As `resolve(_:in:)`, spending the search for a suggestion from `suggestions`.
    public static func resolve(_ decl: GuardDecl, in symbols: SymbolTable,
                               suggestions: inout SuggestionBudget) -> GuardTarget.Resolved {
        let name = decl.target
        let parts = name.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if decl.isParam {
            if symbols.lookup(.param, name.text) != nil { return .found(.param(name.text)) }
            return .unknown(.unknownGuardTarget(name, suggestion: suggestions.closest(to: name.text, in: symbols.names(.param))))
        }
        switch parts.count {
        case 1: return resolveBare(name, in: symbols, &suggestions)
        case 2: return resolveDotted(parts[0], Name(parts[1], span: name.span), whole: name, in: symbols, &suggestions)
        default: return .unknown(.unknownGuardTarget(name, suggestion: nil))
        }
    }

    private static func resolveBare(_ name: Name, in symbols: SymbolTable,
                                    _ suggestions: inout SuggestionBudget) -> GuardTarget.Resolved {
        let n = name.text
        let custom = allCustomProperties(symbols)
        if Vocabulary.standardProperties[n] != nil || custom.contains(n) { return .found(.property(n)) }
        if symbols.lookup(.param, n) != nil { return .found(.param(n)) }
        if Vocabulary.marginProperties[n] != nil { return .found(.marginSetting(n)) }
        let known = Array(Vocabulary.standardProperties.keys) + custom + symbols.names(.param)
            + Vocabulary.marginProperties.keys
        return .unknown(.unknownGuardTarget(name, suggestion: suggestions.closest(to: n, in: known)))
    }

    private static func resolveDotted(_ base: String, _ member: Name, whole: Name, in symbols: SymbolTable,
                                      _ suggestions: inout SuggestionBudget) -> GuardTarget.Resolved {
        if base == "margin" {
            return pick(member, Array(Vocabulary.marginProperties.keys), whole, &suggestions) { .marginSetting($0) }
        }
        if let asset = symbols.assetInfo(base) {
            let known = properties(ofClass: asset.cls.text, symbols) + asset.body.map(\.name.text)
            return pick(member, known, whole, &suggestions) { .assetProperty(asset: base, property: $0) }
        }
        if symbols.classInfo(base) != nil {
            return pick(member, properties(ofClass: base, symbols), whole, &suggestions) { .classProperty(class: base, property: $0) }
        }
        if let table = symbols.table(base) {
            return pick(member, Resolver.fields(of: table), whole, &suggestions) { .tableField(table: base, field: $0) }
        }
        if let curve = symbols.curve(base) {
            if case .expression = curve.body {
                return pick(member, kinkedLabels(curve), whole, &suggestions) { .curveArgument(curve: base, label: $0) }
            }
            return pick(member, ["points"], whole, &suggestions) { _ in .curvePoints(curve: base) }
        }
        let bases = ["margin"] + symbols.names(.asset) + symbols.names(.class) + symbols.names(.table) + symbols.names(.curve)
        let suggestion = suggestions.closest(to: base, in: bases).map { "\($0).\(member.text)" }
        return .unknown(.unknownGuardTarget(whole, suggestion: suggestion))
    }

    /// `member` when it is one of `known`, else an unknown-target error suggesting the closest.
    private static func pick(_ member: Name, _ known: [String], _ whole: Name, _ suggestions: inout SuggestionBudget,
                             _ make: (String) -> GuardTarget) -> GuardTarget.Resolved {
        if known.contains(member.text) { return .found(make(member.text)) }
        let base = whole.text.split(separator: ".").first.map(String.init) ?? ""
        let suggestion = suggestions.closest(to: member.text, in: known).map { "\(base).\($0)" }
        return .unknown(.unknownGuardTarget(whole, suggestion: suggestion))
    }

    /// The standard properties plus those the class chain defines.
    private static func properties(ofClass name: String, _ symbols: SymbolTable) -> [String] {
        Array(Vocabulary.standardProperties.keys) + symbols.definedProperties(class: name)
    }

    /// Properties some class defines that are not standard.
    static func allCustomProperties(_ symbols: SymbolTable) -> [String] {
        let defined = symbols.symbols(.class).compactMap { symbols.classInfo($0.name) }.flatMap { $0.body.map(\.name.text) }
        return Array(Set(defined.filter { Vocabulary.standardProperties[$0] == nil })).sorted()
    }

    /// The labels of a `kinked(…)` curve body; other curves have no guardable arguments.
    static func kinkedLabels(_ curve: CurveDecl) -> [String] {
        guard case .expression(let e) = curve.body, case .call(let n, _, _) = e.kind, n.text == "kinked" else { return [] }
        return Builtins.kinked.labels
    }
}
