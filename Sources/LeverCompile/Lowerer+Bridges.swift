import LeverCheck
import LeverSyntax

extension Lowerer {
    /// The policy's chains and its `bridge` block (`BridgeRules`), in base units.
    func bridgeRules() -> BridgeRules {
        var rules = BridgeRules()
        let fold = folder
        for symbol in symbols.symbols(.chain) {
            guard case .chain(let name, let body) = symbol.declaration.kind else { continue }
            rules.chains.append(name.text)
            rules.bridgeHaircut.append(body.last { $0.name.text == "bridge_haircut" }.flatMap { fold.fold($0.value) } ?? 0)
            rules.finality.append(body.last { $0.name.text == "finality" }.flatMap { fold.fold($0.value) } ?? 0)
            rules.locations.append(Self.shortLocation(symbol.declaration.span, in: checked.sources))
        }
        let body = symbols.settingsBody(.bridge) ?? []
        if let item = body.last(where: { $0.name.text == "home" }), case .name(let word) = item.value.kind {
            rules.home = rules.chains.firstIndex(of: word)
        }
        rules.maxCrossChainShare = body.last { $0.name.text == "max_cross_chain_share" }.flatMap { fold.fold($0.value) } ?? 1
        return rules
    }

    /// `3%`: a ratio as the policy writes it (`DecimalDigits`, exact in decimal).
    static func percentText(_ x: Double) -> String { x == 0 ? "0%" : DecimalDigits(x).text(shift: 2) + "%" }

    /// The chains a scenario halts (`arbitrum: halt`); none outside a scenario.
    func haltedChains(_ ctx: LowerContext) -> [String] {
        guard let s = ctx.scenario, case .scenario(_, let shocks) = symbols.symbols(.scenario)[s].declaration.kind else { return [] }
        return shocks.compactMap { shock in
            if case .name("halt") = shock.value.kind { return shock.target.text }
            return nil
        }
    }

    /// Per position, the haircut its chain's bridge adds to the part that crosses it: the
    /// chain's `bridge_haircut`, or 100 % on a bridge that is halted (by the scenario, or in a
    /// market shocked by a halt).
    mutating func bridgeHaircut(_ rules: BridgeRules, _ ctx: LowerContext) -> NodeRef {
        var own = LowerContext()
        own.scenario = ctx.scenario
        return memo(Self.key("bridge", "bridge_haircut", own), at: .synthetic) { me in
            let halted = me.haltedChains(own)
            let chain = me.builder.add(.positionInput(.chain))
            var value = me.builder.constant(0)
            var parts: [String] = []
            for (k, name) in rules.chains.enumerated().reversed() {
                let h = halted.contains(name) ? 1.0 : rules.bridgeHaircut[k]
                let finality = rules.finality[k] > 0 ? ", finality \(DecimalDigits.duration(years: rules.finality[k]))" : ""
                parts.insert(halted.contains(name) ? "\(name) halted: 100%" : "\(name) \(Self.percentText(h))\(finality) (\(rules.locations[k]))", at: 0)
                guard h != 0 else { continue }
                value = me.builder.select(me.builder.binary(.equal, chain, me.builder.constant(Double(k))), me.builder.constant(h), value)
            }
            let haltedInMarket = me.named(me.builder.add(.positionInput(.bridgeHalted)), "bridge_halted",
                                          "1 when the position's chain's bridge is halted in the market (one shocked by a halt scenario), else 0")
            let scenario = own.scenario.map { " under \(me.symbols.symbols(.scenario)[$0].name)" } ?? ""
            return me.named(me.builder.select(haltedInMarket, me.builder.constant(1), value), "bridge_haircut" + scenario,
                            parts.joined(separator: "; ") + "; 100% on a halted bridge")
        }
    }

    /// The share of each long balance that secures debt on another chain (`cross_chain`, from
    /// the account's holdings and debts per chain).
    mutating func crossShare() -> NodeRef {
        memo("bridge:cross_chain", at: .synthetic) { me in
            me.named(me.builder.add(.positionInput(.crossChain)), "cross_chain",
                     "the share of the balance that secures debt on another chain: of what the account holds on its chain beyond what it owes there, as much as it owes on other chains (0 when it owes nowhere else)")
        }
    }

    /// Per position, the haircut of its part that crosses a bridge: its own plus the bridge's,
    /// within 100 %.
    mutating func crossHaircut(_ base: NodeRef, _ rules: BridgeRules, _ ctx: LowerContext) -> NodeRef {
        builder.binary(.min, builder.constant(1), builder.binary(.add, base, bridgeHaircut(rules, ctx)))
    }

    /// Collateral values with the `bridge` block's cap applied: the part of each balance that
    /// crosses a bridge (`notional × cross share × (1 − cross haircut)`) is scaled down, when
    /// such parts make up more than `max_cross_chain_share` of the account's borrowing power
    /// (haircut collateral plus credit line), so that they make up exactly that share
    /// (`share ÷ (1 − share)` × the rest).
    mutating func crossChainCapped(notional: NodeRef, base: NodeRef, held: NodeRef, _ rules: BridgeRules, _ ctx: LowerContext) -> NodeRef {
        let share = rules.maxCrossChainShare
        let f = crossShare(), one = builder.constant(1), zero = builder.constant(0)
        // `scale`, as the uncapped value is made: a position worth 0 (the `zero` oracle rule)
        // counts 0 whatever its haircut, even one that needs the missing asset's volatility.
        let local = builder.select(held, builder.binary(.scale, notional,
                                                        builder.binary(.multiply, builder.binary(.subtract, one, f), builder.binary(.subtract, one, base))), zero)
        let cross = builder.select(held, builder.binary(.scale, notional,
                                                        builder.binary(.multiply, f, builder.binary(.subtract, one, crossHaircut(base, rules, ctx)))), zero)
        let crossSum = builder.aggregate(.sum, cross, filter: nil)
        // The rest of the borrowing power: the parts that stay on their chain, and the credit line.
        let rest = builder.binary(.max, zero, builder.binary(.add, builder.aggregate(.sum, local, filter: nil), standardResult("credit_line", ctx)))
        let allowed = builder.binary(.multiply, builder.constant(share / (1 - share)), rest)
        let ratio = builder.binary(.min, one, builder.binary(.divide, allowed, crossSum))
        let scale = named(builder.select(builder.binary(.greater, crossSum, zero), ratio, one), "cross_chain_scale",
                          "min(1, \(Self.percentText(share)) ÷ \(Self.percentText(1 - share)) × (collateral kept on its chain + credit line) ÷ collateral across bridges): the `bridge` block's `max_cross_chain_share`")
        return builder.binary(.add, local, builder.binary(.multiply, cross, scale))
    }
}
