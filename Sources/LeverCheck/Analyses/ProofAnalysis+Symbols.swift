import LeverSyntax

extension ProofAnalysis {
    /// Proves an assertion against the policy's symbol table: the convenient entry point.
    ///
    /// `every asset:` proves the condition for each asset from its property chain
    /// (class chain root → asset, `SymbolTable.propertyChain(asset:property:)`), with each
    /// venue's adjustment possibly on top; `every class:` for each class from its chain; no
    /// quantifier (and any other quantifier) proves it once, with `margin` and `oracle` block
    /// properties (`initial`, `maintenance`) as the chains. Tier discounts are not applied.
    public static func check(_ assertion: Assertion, span: Span, symbols: SymbolTable,
                             evaluator: IntervalEvaluator) -> Report {
        check(assertion, span: span, instances: instances(for: assertion.quantifier?.text, symbols: symbols),
              evaluator: evaluator)
    }

    /// The instances an assertion's quantifier ranges over.
    public static func instances(for quantifier: String?, symbols: SymbolTable) -> [Instance] {
        let venues: (String) -> [Property] = { p in symbols.venueContributions(property: p).map(\.property) }
        switch quantifier {
        case "asset":
            return symbols.symbols(.asset).map { s in
                Instance(name: s.name, span: s.nameSpan,
                         chain: { symbols.propertyChain(asset: s.name, property: $0) }, adjustments: venues)
            }
        case "class":
            return symbols.symbols(.class).map { s in
                Instance(name: s.name, span: s.nameSpan, chain: { symbols.propertyChain(class: s.name, property: $0) })
            }
        default:
            let settings = (symbols.settingsBody(.margin) ?? []) + (symbols.settingsBody(.oracle) ?? [])
            return [Instance(name: nil, chain: { p in settings.filter { $0.name.text == p } })]
        }
    }
}
