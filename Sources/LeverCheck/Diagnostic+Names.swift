import LeverSyntax

// MARK: - Declaration and name diagnostics (L02xx)

extension Diagnostic {
    static func duplicateDeclaration(_ symbol: Symbol, first: Symbol) -> Diagnostic {
        .error("L0201", "\(first.kind.display) `\(symbol.name)` is declared twice", at: symbol.nameSpan,
               label: "declared again here", secondary: [Label(first.nameSpan, "first declared here")],
               help: "rename one of them, or delete the second")
    }

    static func redeclaresImport(_ symbol: Symbol, imported: Symbol) -> Diagnostic {
        .error("L0202", "`\(symbol.name)` is already declared by an imported file", at: symbol.nameSpan,
               secondary: [Label(imported.nameSpan, "imported declaration")],
               help: "write `override` before the declaration to replace the imported one",
               fixIts: [FixIt("add `override`", [Edit(Span(file: symbol.declaration.span.file,
                                                             start: symbol.declaration.span.start,
                                                             end: symbol.declaration.span.start), "override ")])])
    }

    static func overridesNothing(_ symbol: Symbol) -> Diagnostic {
        .error("L0203", "`override` of `\(symbol.name)`, which no imported file declares", at: symbol.nameSpan,
               help: "remove `override`, or import the file that declares `\(symbol.name)`")
    }

    static func classCycle(_ names: [String], at span: Span) -> Diagnostic {
        let path = (names + names.prefix(1)).map { "`\($0)`" }.joined(separator: " → ")
        return .error("L0204", "class inherits from itself", at: span,
                      notes: ["the chain is \(path)"], help: "remove one of the `:` parents to break the cycle")
    }

    static func cannotRead(_ path: String, reason: String) -> Diagnostic {
        .error("L0205", "cannot read file `\(path)`: \(reason)", at: .synthetic,
               help: "check that the path exists and is readable")
    }

    /// A policy file, or the files of a policy together, past `PolicyLimits.maxBytes`.
    static func policyTooLarge(_ path: String, limit: Int, together: Bool, at span: Span) -> Diagnostic {
        let what = together ? "`\(path)` and the files read before it are together larger than \(ByteCount.text(limit))"
                            : "`\(path)` is larger than \(ByteCount.text(limit))"
        return .error("L0121", "\(what), the limit for a policy", at: span,
                      help: "split the policy, or raise the limit (`LEVER_MAX_POLICY_BYTES` for the `lever` commands)")
    }
}

// MARK: - Unknown names (L021x–L022x)

extension Diagnostic {
    /// An error about an unknown name, with `help: use …` and a fix-it when a close name exists.
    static func unknown(_ code: String, _ message: String, at span: Span, suggestion: String?,
                        fallback: String) -> Diagnostic {
        guard let suggestion else { return .error(code, message, at: span, help: fallback) }
        return .error(code, message, at: span, help: "use `\(suggestion)`",
                      fixIts: [FixIt("use `\(suggestion)`", [Edit(span, suggestion)])])
    }

    static func unknownName(_ name: String, at span: Span, suggestion: String?) -> Diagnostic {
        unknown("L0210", "unknown name `\(name)`", at: span, suggestion: suggestion,
                fallback: "declare it with `param \(name) = …` or `measure \(name) = …`")
    }

    static func unknownAccountAttribute(_ member: Name, suggestion: String) -> Diagnostic {
        .warning("L0211", "`account.\(member.text)` is not a known account attribute", at: member.span,
                 notes: ["it will be read from the book as is"], help: "use `\(suggestion)`",
                 fixIts: [FixIt("use `\(suggestion)`", [Edit(member.span, suggestion)])])
    }

    static func unknownField(_ member: Name, table: String, suggestion: String?) -> Diagnostic {
        unknown("L0212", "no row of `\(table)` sets `\(member.text)`", at: member.span, suggestion: suggestion,
                fallback: "set `\(member.text)` in the rows of the table")
    }

    static func unknownAssetMember(_ member: Name, asset: String, suggestion: String?) -> Diagnostic {
        unknown("L0213", "`\(member.text)` is not a market input or property of `\(asset)`", at: member.span,
                suggestion: suggestion,
                fallback: "read a market input (`\(asset).price`, `\(asset).vol`, …) or a property its rules set (`\(asset).haircut`)")
    }

    static func unknownClass(_ name: Name, suggestion: String?) -> Diagnostic {
        unknown("L0214", "unknown class `\(name.text)`", at: name.span, suggestion: suggestion,
                fallback: "declare it with `class \(name.text) { … }`")
    }

    static func unknownParent(_ name: Name, suggestion: String?) -> Diagnostic {
        unknown("L0215", "unknown parent class `\(name.text)`", at: name.span, suggestion: suggestion,
                fallback: "declare it with `class \(name.text) { … }`")
    }

    static func unknownFunction(_ name: Name, suggestion: String?) -> Diagnostic {
        unknown("L0216", "unknown function `\(name.text)`", at: name.span, suggestion: suggestion,
                fallback: "declare a curve with `curve \(name.text)(utilization) = …`")
    }

    static func unknownShockTarget(_ name: Name, suggestion: String?) -> Diagnostic {
        unknown("L0217", "a scenario cannot shock `\(name.text)`", at: name.span, suggestion: suggestion,
                fallback: "shock an asset or a class (its price), a market input for every asset (`vol`), or one for "
                    + "an asset or a class (`BTC.vol`, `major.vol`); the inputs are " + Vocabulary.shockableInputs.sorted().joined(separator: ", ")
                    + " and the market inputs the policy declares; a chain halts (`arbitrum: halt`)")
    }

    static func unknownRemedyAsset(_ name: Name, suggestion: String?, settlement: Bool = false) -> Diagnostic {
        unknown("L0231", settlement ? "a reduction cannot settle in `\(name.text)`: the policy declares no such asset"
                                    : "a top-up cannot be in `\(name.text)`: the policy declares no such asset", at: name.span,
                suggestion: suggestion, fallback: "name assets the policy declares (`asset \(name.text) : …`)")
    }

    static func repeatedRemedyAsset(_ name: Name, removing span: Span) -> Diagnostic {
        .warning("L0232", "`\(name.text)` is named twice in this remedy", at: name.span,
                 help: "remove the second `\(name.text)`", fixIts: [FixIt("remove it", [Edit(span, "")])])
    }

    static func hedgeBandNotAShare(_ band: Expr) -> Diagnostic {
        .error("L0238", "a hedge's delta band is a share of gross notional, within [0%, 100%]", at: band.span,
               notes: ["an underlying's delta is hedged back to within this share of what the account holds in it"],
               help: "write a percentage, e.g. `remedy hedge with perps within 5% delta`")
    }

    static func negativeAge(_ property: Property) -> Diagnostic {
        .error("L0237", "`\(property.name.text)` is below zero", at: property.value.span,
               notes: ["a score older than a negative age does not exist: every score would be stale"],
               help: "write how old a score may be, e.g. `\(property.name.text) = 30 days`")
    }

    static func reduceSettlesInOneAsset(_ second: Name, removing span: Span) -> Diagnostic {
        .error("L0236", "a reduction settles its profit or loss in one asset", at: second.span,
               notes: ["`remedy reduce in USDC` credits (or debits) the realised profit or loss of the part closed to USDC"],
               help: "keep one asset", fixIts: [FixIt("keep the first", [Edit(span, "")])])
    }

    static func haltNotAChain(_ shock: Shock, chains: [String], suggestion: String?) -> Diagnostic {
        let notes = [chains.isEmpty ? "the policy declares no chains (`chain arbitrum { … }`)"
                                    : "the policy declares " + chains.map { "`\($0)`" }.joined(separator: ", ")]
        guard let suggestion else {
            return .error("L0234", "`\(shock.target.text)` is not a chain: only a chain's bridge can halt", at: shock.target.span,
                          notes: notes, help: "name a chain (`arbitrum: halt`); an asset or a class moves by a percentage (`ETH: -30%`)")
        }
        return .error("L0234", "`\(shock.target.text)` is not a chain: only a chain's bridge can halt", at: shock.target.span,
                      label: "looks like a misspelling", notes: notes, help: "use `\(suggestion)`",
                      fixIts: [FixIt("use `\(suggestion)`", [Edit(shock.target.span, suggestion)])])
    }

    static func chainShockNotHalt(_ shock: Shock) -> Diagnostic {
        .error("L0235", "a chain takes one shock, `halt`", at: shock.value.span,
               notes: ["a halted bridge makes the chain's cross-chain collateral worth nothing in the scenario"],
               help: "write `\(shock.target.text): halt`",
               fixIts: [FixIt("halt the chain", [Edit(shock.grid == nil ? shock.value.span : shock.span, shock.grid == nil ? "halt" : "\(shock.target.text): halt")])])
    }

    static func staleScoreNeedsTiers(_ property: Property) -> Diagnostic {
        .error("L0233", "`stale_score` names a tier, but the policy has no `tiers` table", at: property.value.span,
               notes: ["a stale, undated or missing score puts the account in a tier of `tiers by …`, or leaves it unvalued"],
               help: "declare `tiers by account.score { … }`, or write `stale_score = unvalued`",
               fixIts: [FixIt("leave the account unvalued", [Edit(property.value.span, "unvalued")])])
    }

    static func gridTooLarge(_ name: Name, size: Int, limit: Int) -> Diagnostic {
        .error("L0230", "scenario grid `\(name.text)` stands for \(size) scenarios; at most \(limit)", at: name.span,
               notes: ["each scenario revalues every account in full"],
               help: "scan fewer values, or split the grid into scenarios of their own")
    }

    static func scenarioWeightOutOfRange(_ shock: Shock, value: Double) -> Diagnostic {
        let shown = value * 100 == (value * 100).rounded() ? String(Int(value * 100)) : String(value * 100)
        return .error("L0229", "a scenario's weight is \(shown)%, outside [0%, 100%]", at: shock.value.span,
                      help: "the weight is the share of the scenario's loss that counts: `weight: 35%` counts 35% of it")
    }

    static func notAScenario(_ text: String, at span: Span, suggestion: String?) -> Diagnostic {
        unknown("L0228", "`under` needs a scenario, not `\(text)`", at: span, suggestion: suggestion,
                fallback: "name a declared scenario first: `under(crash, equity)`, with `scenario crash { … }` declared")
    }

    static func unknownQuantifier(_ name: Name, suggestion: String?) -> Diagnostic {
        unknown("L0218", "cannot assert over every `\(name.text)`", at: name.span, suggestion: suggestion,
                fallback: "use one of `asset`, `class`, `venue`, `tier`, `position`, `account`")
    }

    static func unknownProperty(_ name: Name, in owner: String, suggestion: String?) -> Diagnostic {
        unknown("L0219", "unknown property `\(name.text)` for \(owner)", at: name.span, suggestion: suggestion,
                fallback: "define it in the class first with `\(name.text) = …`")
    }

    static func unknownSetting(_ name: Name, block: Keyword, suggestion: String?) -> Diagnostic {
        unknown("L0220", "`\(block.rawValue)` has no setting `\(name.text)`", at: name.span, suggestion: suggestion,
                fallback: "`\(block.rawValue)` accepts "
                    + Vocabulary.settingsProperties(block).keys.sorted().map { "`\($0)`" }.joined(separator: ", "))
    }

    static func customPropertyLooksStandard(_ name: Name, standard: String) -> Diagnostic {
        .warning("L0221", "`\(name.text)` defines a new custom property", at: name.span,
                 notes: ["it is close to the standard property `\(standard)`, which is left unset"],
                 help: "use `\(standard)`", fixIts: [FixIt("use `\(standard)`", [Edit(name.span, standard)])])
    }

    static func definedInTermsOfItself(_ name: String, at span: Span) -> Diagnostic {
        .error("L0222", "`\(name)` is defined in terms of itself", at: span, label: "used here",
               help: "break the cycle by giving one of the definitions a value that does not refer back")
    }

    static func noFields(at span: Span) -> Diagnostic {
        .error("L0223", "this value has no fields", at: span,
               help: "fields exist on `account`, on tables (`tier.credit_line`) and on assets (`BTC.price`)")
    }

    static func unknownInput(_ name: Name, suggestion: String?) -> Diagnostic {
        unknown("L0224", "`\(name.text)` is not an input", at: name.span, suggestion: suggestion,
                fallback: "declare ranges of market inputs (`vol`), `ASSET.input` or `account.<attribute>`")
    }

    static func importCycle(_ path: String, at span: Span) -> Diagnostic {
        .error("L0206", "`\(path)` imports itself through its imports", at: span,
               help: "remove this import; a file may not import a file that imports it")
    }

    static func cannotImport(_ path: String, reason: String, at span: Span) -> Diagnostic {
        .error("L0205", "cannot read file `\(path)`: \(reason)", at: span,
               help: "import paths are relative to the importing file")
    }
}
