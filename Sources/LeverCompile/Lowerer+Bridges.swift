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

    /// The chains a scenario halts (`arbitrum: halt`); none outside a scenario.
    func haltedChains(_ ctx: LowerContext) -> [String] {
        guard let s = ctx.scenario, case .scenario(_, let shocks) = symbols.symbols(.scenario)[s].declaration.kind else { return [] }
        return shocks.compactMap { shock in
            if case .name("halt") = shock.value.kind { return shock.target.text }
            return nil
        }
    }

    /// Per position, the haircut its bridge adds: the chain's `bridge_haircut` for cross-chain
    /// collateral (1 on a chain the scenario halts), else 0.
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
                let finality = rules.finality[k] > 0 ? ", finality \(Self.duration(years: rules.finality[k]))" : ""
                parts.insert(halted.contains(name) ? "\(name) halted: 100%" : "\(name) \(Self.percent(h))\(finality) (\(rules.locations[k]))", at: 0)
                guard h != 0 else { continue }
                value = me.builder.select(me.builder.binary(.equal, chain, me.builder.constant(Double(k))), me.builder.constant(h), value)
            }
            let cross = me.named(me.builder.add(.positionInput(.crossChain)), "cross_chain",
                                 "1 for collateral on a chain the account owes nothing on while it owes on another, 2 when that chain's bridge is halted (a market shocked by a halt), else 0 (from the book)")
            let scenario = own.scenario.map { " under \(me.symbols.symbols(.scenario)[$0].name)" } ?? ""
            let haltedInMarket = me.builder.binary(.greater, cross, me.builder.constant(1.5))
            let addOn = me.builder.select(haltedInMarket, me.builder.constant(1), me.builder.binary(.multiply, cross, value))
            return me.named(addOn, "bridge_haircut" + scenario,
                            "cross-chain collateral: " + parts.joined(separator: "; ") + "; 100% on a halted bridge; 0 otherwise")
        }
    }

    /// Collateral values with the `bridge` block's cap applied: when cross-chain balances make
    /// up more than `max_cross_chain_share` of the account's borrowing power (haircut collateral
    /// plus credit line), each is scaled down so that they make up exactly that share
    /// (`share ÷ (1 − share)` × the rest).
    mutating func crossChainCapped(_ value: NodeRef, _ rules: BridgeRules, _ ctx: LowerContext) -> NodeRef {
        let share = rules.maxCrossChainShare
        guard share < 1 else { return value }
        let cross = builder.add(.positionInput(.crossChain))
        let isCross = builder.binary(.greater, cross, builder.constant(0))
        let crossSum = builder.aggregate(.sum, value, filter: isCross)
        // The rest of the borrowing power: collateral on the chains it owes on, and its credit line.
        let localSum = builder.binary(.add, builder.aggregate(.sum, value, filter: builder.unary(.not, isCross)),
                                      standardResult("credit_line", ctx))
        let allowed = builder.binary(.multiply, builder.constant(share / (1 - share)), localSum)
        let ratio = builder.binary(.min, builder.constant(1), builder.binary(.divide, allowed, crossSum))
        let scale = named(builder.select(builder.binary(.greater, crossSum, builder.constant(0)), ratio, builder.constant(1)),
                          "cross_chain_scale",
                          "min(1, \(Self.percent(share)) ÷ \(Self.percent(1 - share)) × (collateral on the chains the account owes on + credit line) ÷ cross-chain collateral): the `bridge` block's `max_cross_chain_share`")
        return builder.select(isCross, builder.binary(.multiply, value, scale), value)
    }

    static func percent(_ x: Double) -> String {
        let p = x * 100
        return (p == p.rounded() ? String(Int(p)) : String(p)) + "%"
    }

    /// `20 min`, `12 h`, `2 days` from years.
    static func duration(years: Double) -> String {
        let seconds = years * 31_536_000
        func whole(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String((x * 10).rounded() / 10) }
        if seconds >= 172_800 { return whole(seconds / 86_400) + " days" }
        if seconds >= 7_200 { return whole(seconds / 3_600) + " h" }
        if seconds >= 120 { return whole(seconds / 60) + " min" }
        return whole(seconds) + " s"
    }
}
