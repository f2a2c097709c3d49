import LeverCheck
import LeverSyntax

extension Lowerer {
    /// A market input under a scenario: relative shocks, the most specific target winning
    /// (asset, then its class and the class's ancestors from nearest, then `all`).
    mutating func shocked(_ column: NodeRef, input: AssetInput, scenario s: Int) -> NodeRef {
        // The quoted price moves with the price: a scenario shocks the market, not the oracle
        // rule. (A perpetual's mark follows the price unless shocked itself: `shockFactor`.)
        let name = input == .quotedPrice ? "price" : input.rawValue
        guard Vocabulary.shockableInputs.contains(name) || symbols.declaredMarketInputs.contains(name),
              case .scenario(_, let shocks) = symbols.symbols(.scenario)[s].declaration.kind else { return column }
        let factors = assets.indices.map { a in
            symbols.shockFactor(shocks, asset: assets[a], assetClass: assetClasses[a], input: name) ?? 1
        }
        // Named, so `explain` of a stressed value shows the shocked input, not the snapshot's.
        let scenario = symbols.symbols(.scenario)[s].name
        let title = (input == .quotedPrice ? "quoted price" : input.rawValue) + " under \(scenario)"
        return named(builder.binary(.multiply, column, builder.add(.assetConstants(factors))), title,
                     "market data × the shocks of scenario \(scenario)")
    }

    /// Per scenario, the loss of equity against the snapshot, times the scenario's `weight`;
    /// then the worst of them (never below 0) and its name: `worst_scenario` is the first declared scenario with the largest
    /// loss, `none` when no scenario loses anything, undefined when a loss is.
    mutating func scenarioOutputs() -> [(String, NodeRef, OutputKind?, Bool)] {
        let scenarios = symbols.symbols(.scenario)
        guard !scenarios.isEmpty else { return [] }
        var worst = builder.constant(0)
        var worstCode = builder.constant(0)
        var outputs: [(String, NodeRef, OutputKind?, Bool)] = []
        for (s, symbol) in scenarios.enumerated() {
            let loss = scenarioLoss(s, LowerContext())
            worstCode = builder.select(builder.binary(.greater, loss, worst), builder.constant(Double(s + 1)), worstCode)
            worst = builder.binary(.max, worst, loss)
            outputs.append(("loss_\(symbol.name)", loss, .number(.money), false))
        }
        let names = ["none"] + scenarios.map(\.name)
        return [("worst_scenario_loss", standardResult("worst_scenario_loss", LowerContext()), .number(.money),
                 symbols.measure("worst_scenario_loss") != nil),
                ("worst_scenario", worstCode, .label(names), false)] + outputs
    }

    /// Equity now minus equity under scenario `s`, times the scenario's weight.
    mutating func scenarioLoss(_ s: Int, _ ctx: LowerContext) -> NodeRef {
        let symbol = symbols.symbols(.scenario)[s]
        var shocked = ctx
        shocked.scenario = s
        let loss = builder.binary(.subtract, standardResult("equity", ctx), standardResult("equity", shocked))
        guard case .scenario(_, let shocks) = symbol.declaration.kind else { return loss }
        let weight = symbols.scenarioWeight(shocks)
        guard weight != 1 else { return loss }
        return named(builder.binary(.multiply, loss, builder.constant(weight)),
                     "loss_\(symbol.name)", "weight × (equity − equity under \(symbol.name))")
    }

    /// `worst_loss(x)`: the largest of x − x under each scenario, times the scenario's weight,
    /// never below 0 (a position's standalone stress requirement: `worst_loss(market_value)`).
    mutating func worstLoss(_ x: Expr, _ ctx: LowerContext) -> NodeRef {
        let now = lower(x, ctx)
        return symbols.symbols(.scenario).enumerated().reduce(builder.constant(0)) { worst, item in
            let (s, symbol) = item
            var shocked = ctx
            shocked.scenario = s
            var loss = builder.binary(.subtract, now, lower(x, shocked))
            if case .scenario(_, let shocks) = symbol.declaration.kind {
                let weight = symbols.scenarioWeight(shocks)
                if weight != 1 { loss = builder.binary(.multiply, loss, builder.constant(weight)) }
            }
            return builder.binary(.max, worst, loss)
        }
    }

    /// The largest weighted scenario loss, never below 0 (the standard `worst_scenario_loss`).
    mutating func worstScenarioLoss(_ ctx: LowerContext) -> NodeRef {
        symbols.symbols(.scenario).indices.reduce(builder.constant(0)) { worst, s in
            builder.binary(.max, worst, scenarioLoss(s, ctx))
        }
    }
}
