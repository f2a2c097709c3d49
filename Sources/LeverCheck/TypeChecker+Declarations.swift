import LeverSyntax

extension TypeChecker {
    /// Checks every declaration of the symbol table (imports included), in declaration order.
    mutating func checkAll() {
        for symbol in symbols.ordered { checkDeclaration(symbol.declaration) }
        for assertion in symbols.assertions { checkDeclaration(assertion) }
    }

    mutating func checkDeclaration(_ decl: Declaration) {
        switch decl.kind {
        case .param(let name, _): _ = paramType(name.text, usedAt: name.span)
        case .input(let name, let interval): checkInput(name, interval)
        case .classDecl(let name, let parent, let body): checkClass(name, parent: parent, body: body)
        case .asset(let name, let cls, let body): checkAsset(name, cls: cls, body: body)
        case .venue(let name, let body): checkVenue(name, body: body)
        case .chain(_, let body): checkChain(body)
        case .settings(let keyword, let body): checkSettings(keyword, body: body)
        case .table(let table): checkTable(table)
        case .curve(let curve): _ = curveType(curve, usedAt: curve.name.span)
        case .scenario(_, let shocks): shocks.forEach { checkShock($0) }
        case .assertion(let assertion): checkAssertion(assertion)
        case .measure(let name, _, _): _ = measureType(name.text, usedAt: name.span)
        case .guardrail(let guardDecl): checkGuard(guardDecl)
        case .flag(let flag): checkFlag(flag)
        case .remedy(let remedy): checkRemedy(remedy)
        }
    }

    /// A top-up is offered only in assets the policy declares, each named once.
    private mutating func checkRemedy(_ remedy: RemedyDecl) {
        if let band = remedy.band {
            // A share of gross notional, a constant in [0%, 100%].
            let type = check(band, .constant("a hedge's delta band"))
            if numeric((band, type), "a delta band").map({ !$0.isDimensionless }) == true
                || folder.fold(band).map({ !(0...1).contains($0) }) == true {
                diagnostics.append(.hedgeBandNotAShare(band))
            }
            return
        }
        if remedy.kind.text == "reduce", remedy.assets.count > 1, let first = remedy.assets.first, let last = remedy.assets.last {
            diagnostics.append(.reduceSettlesInOneAsset(remedy.assets[1], removing: Span(file: first.span.file, start: first.span.end, end: last.span.end)))
        }
        var seen: Set<String> = []
        for (i, asset) in remedy.assets.enumerated() where !asset.text.isEmpty {  // a missing name is a parse error already
            if symbols.lookup(.asset, asset.text) == nil {
                diagnostics.append(.unknownRemedyAsset(asset, suggestion: suggestions.closest(to: asset.text, in: symbols.names(.asset)),
                                                       settlement: remedy.kind.text == "reduce"))
            } else if !seen.insert(asset.text).inserted, i > 0 {
                // The fix removes the name with the comma before it.
                let before = remedy.assets[i - 1].span
                diagnostics.append(.repeatedRemedyAsset(asset, removing: Span(file: asset.span.file, start: before.end, end: asset.span.end)))
            }
        }
    }

    /// A flag's template fills in at most one key (`{asset}`, `{venue}` or `{class}`); with
    /// one, its condition is checked on each position, without, once per account.
    private mutating func checkFlag(_ flag: FlagDecl) {
        let keys = flag.placeholders
        for key in keys where !FlagDecl.placeholders.contains(key) {
            diagnostics.append(.unknownPlaceholder(key, in: flag.text,
                                                   suggestion: suggestions.closest(to: key, in: FlagDecl.placeholders)))
        }
        let known = keys.filter(FlagDecl.placeholders.contains)
        if known.count > 1 { diagnostics.append(.twoPlaceholderKeys(known, in: flag.text)) }
        let scope = keys.isEmpty ? Scope.account("a flag condition") : Scope.position("a flag condition")
        checkCondition(flag.condition, scope, what: "a flag condition")
    }

    // MARK: - Inputs, scenarios, assertions

    private mutating func checkInput(_ name: Name, _ interval: Interval) {
        if inputType(name.text) == nil {
            let known = Array(Vocabulary.marketInputs.keys) + Vocabulary.accountAttributes.keys.map { "account.\($0)" }
            diagnostics.append(.unknownInput(name, suggestion: suggestions.closest(to: name.text, in: known)))
        }
        let scope = Scope.constant("an input range")
        let lo = check(interval.lower, scope), hi = check(interval.upper, scope)
        if let l = numeric((interval.lower, lo), "in"), let h = numeric((interval.upper, hi), "in"), l != h {
            diagnostics.append(.boundMismatch((interval.lower, lo), (interval.upper, hi)))
        }
    }

    /// The type of a market input the policy declares (`input asset.adv_30d in [0 USD, 1B USD]`):
    /// its range's lower bound's; nil when it declares none.
    mutating func declaredInputType(_ name: String) -> LeverType? {
        guard symbols.declaredMarketInputs.contains(name), let range = symbols.inputRange("asset." + name) else { return nil }
        return memo("input:\(name)", name: name, usedAt: range.span) { $0.check(range.lower, .constant("an input range")) }
    }

    /// The type of a declarable input path (`vol`, `account.score`, `BTC.vol`), if it is one.
    mutating func inputType(_ path: String) -> LeverType? {
        let parts = path.split(separator: ".").map(String.init)
        switch parts.count {
        case 1: return Vocabulary.marketInputs[path]?.type ?? declaredInputType(path)
        case 2 where parts[0] == "account": return Vocabulary.accountAttributes[parts[1]]?.type ?? .dynamic
        // A market input the policy declares: the type its range's bounds have.
        case 2 where parts[0] == "asset": return Vocabulary.marketInputs[parts[1]] == nil ? .dynamic : nil
        case 2 where symbols.lookup(.asset, parts[0]) != nil:
            return Vocabulary.marketInputs[parts[1]]?.type ?? declaredInputType(parts[1])
        default: return nil
        }
    }

    private mutating func checkShock(_ shock: Shock) {
        let text = shock.target.text
        if text == SymbolTable.scenarioWeight {
            // `weight: 35%`: the share of the scenario's loss that counts (SPAN's covered
            // fraction of an extreme move), a constant share.
            let type = check(shock.value, .constant("a scenario's weight"))
            if numeric((shock.value, type), "a weight").map({ !$0.isDimensionless }) == true {
                diagnostics.append(.shockNotRatio(shock.target, got: type, at: shock.value.span))
            } else if let w = folder.fold(shock.value), !(0...1).contains(w) {
                diagnostics.append(.scenarioWeightOutOfRange(shock, value: w))
            }
            return
        }
        // `arbitrum: halt`: a bridge halt, the one shock a chain takes; `halt` shocks nothing else.
        let halts = if case .name("halt") = shock.value.kind { true } else { false }
        if symbols.lookup(.chain, text) != nil || halts {
            if symbols.lookup(.chain, text) == nil {
                diagnostics.append(.haltNotAChain(shock, chains: symbols.names(.chain),
                                                  suggestion: suggestions.closest(to: text, in: symbols.names(.chain))))
            } else if !halts || shock.grid != nil {
                diagnostics.append(.chainShockNotHalt(shock))
            }
            return
        }
        let table = symbols
        let isEntity = { (name: Substring) in table.lookup(.class, String(name)) != nil || table.lookup(.asset, String(name)) != nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        // The engine's shockable inputs and every input the policy declares.
        let shockableInputs = Vocabulary.shockableInputs.union(symbols.declaredMarketInputs)
        let shockable = switch parts.count {
        case 1: isEntity(parts[0]) || shockableInputs.contains(text)
        case 2: isEntity(parts[0]) && shockableInputs.contains(String(parts[1]))
        default: false
        }
        if !shockable {
            let inputs = shockableInputs.sorted()
            let known = symbols.names(.class) + symbols.names(.asset) + inputs
                + (parts.count == 2 && isEntity(parts[0]) ? inputs.map { "\(parts[0]).\($0)" } : [])
            diagnostics.append(.unknownShockTarget(shock.target, suggestion: suggestions.closest(to: text, in: known)))
        }
        let type = check(shock.value, .constant("a scenario shock"))
        if let d = numeric((shock.value, type), "a shock"), !d.isDimensionless {
            diagnostics.append(.shockNotRatio(shock.target, got: type, at: shock.value.span))
        }
    }

    private mutating func checkAssertion(_ assertion: Assertion) {
        var scope = Scope.position("an assertion")
        if let q = assertion.quantifier {
            if !Vocabulary.quantifiers.contains(q.text) {
                diagnostics.append(.unknownQuantifier(q, suggestion: suggestions.closest(to: q.text, in: Vocabulary.quantifiers)))
            } else if q.text == "account" || q.text == "tier" {
                scope = .account("an assertion over every \(q.text)")
            }
        }
        checkCondition(assertion.condition, scope, what: "an assertion")
        if let word = assertion.consequence, !Vocabulary.breachStatuses.contains(word.text) {
            diagnostics.append(.unknownBreachStatus(word, suggestion: suggestions.closest(to: word.text, in: Vocabulary.breachStatuses)))
        }
    }
}

extension Diagnostic {
    /// L0226: `assert … else helthy`.
    static func unknownBreachStatus(_ word: Name, suggestion: String?) -> Diagnostic {
        unknown("L0226", "`\(word.text)` is not a status a breach can give", at: word.span, suggestion: suggestion,
                fallback: "write `else margin_call` or `else liquidatable`, or leave `else` out to report a breach and fail the run")
    }
}
