import LeverCheck
import LeverSyntax

/// The engine's standard measures, built around the policy's rules. A policy measure with the
/// same name replaces the standard definition everywhere (the resolver then points at it).
extension Lowerer {
    mutating func isKind(_ code: Double) -> NodeRef {
        builder.binary(.equal, builder.add(.positionInput(.kind)), builder.constant(code))
    }

    mutating func sideIs(_ kernel: BinaryKernel) -> NodeRef {
        builder.binary(kernel, builder.add(.side), builder.constant(0))
    }

    /// Position fields computed from inputs and rules.
    mutating func derivedField(_ field: String, _ ctx: LowerContext) -> NodeRef {
        memo(Self.key("field", field, ctx), at: .synthetic) { me in
            let bridged = me.bridges.isDeclared ? Self.bridgedFieldFormulas[field] : nil
            return me.named(me.derivedFieldBody(field, ctx), field, bridged ?? Self.fieldFormulas[field] ?? "")
        }
    }

    private mutating func derivedFieldBody(_ field: String, _ ctx: LowerContext) -> NodeRef {
        let zero = builder.constant(0)
        let quantity = builder.add(.positionInput(.quantity))
        // Spot at the price after the oracle rule; derivatives at the mark price, which is the
        // quoted price (see `quotedPrice`) unless the market gives a perpetual's own mark: one
        // choice per position, shared by notional, PnL and value. An option is priced from its
        // underlying's quote (below), whatever the mark.
        let price = builder.select(isKind(0), marketInput("price", ctx), marketInput("mark_price", ctx))
        switch field {
        case "notional":
            return builder.unary(.abs, builder.binary(.multiply, quantity, price))
        case "pnl":
            let move = builder.binary(.subtract, price, builder.add(.positionInput(.entryPrice)))
            return builder.select(isKind(1), builder.binary(.multiply, quantity, move), zero)
        case "funding":
            // Longs pay a positive rate, shorts receive it, over the horizon (years).
            let perYear = builder.binary(.multiply, builder.binary(.multiply, quantity, price), marketInput("funding_rate", ctx))
            return builder.select(isKind(1), builder.binary(.multiply, perYear, builder.constant(options.horizon)), zero)
        case "option_value":
            // Revalued from the (possibly shocked) price and volatility, at the market's rate and
            // the underlying's yield: full revaluation.
            return builder.select(isKind(2), builder.binary(.multiply, quantity, optionModel(.price, ctx)), zero)
        case "market_value":
            let spot = builder.binary(.multiply, quantity, price)
            return builder.select(isKind(0), spot,
                                  builder.select(isKind(1), derivedField("pnl", ctx), derivedField("option_value", ctx)))
        case "effective_haircut":
            // haircut after venue, then the tier discount, kept within [0, 1]
            let base = baseHaircut(ctx)
            guard bridges.isDeclared else { return base }
            // The part that crosses a bridge takes the bridge's haircut on top of the position's
            // own (the chain's risk, not the client's: no tier discount on it).
            let f = crossShare()
            let crossing = builder.binary(.multiply, f, builder.binary(.subtract, crossHaircut(base, bridges, ctx), base))
            return builder.binary(.add, base, crossing)
        case "collateral_value":
            // A position worth 0 (the `zero` oracle rule) counts 0 whatever its haircut: the rule
            // promises 0, and a haircut that needs the missing asset's volatility is undefined.
            let kept = builder.binary(.subtract, builder.constant(1), derivedField("effective_haircut", ctx))
            let value = builder.binary(.scale, derivedField("notional", ctx), kept)
            let longSpot = builder.binary(.and, isKind(0), sideIs(.greater))
            guard bridges.isDeclared, bridges.maxCrossChainShare < 1 else { return builder.select(longSpot, value, zero) }
            return crossChainCapped(notional: derivedField("notional", ctx), base: baseHaircut(ctx), held: longSpot, bridges, ctx)
        case "debt_value":
            // Debts use the quoted price: a stale feed zeroes collateral, never what is owed.
            let owed = builder.unary(.abs, builder.binary(.multiply, quantity, quotedPrice(ctx)))
            return builder.select(builder.binary(.and, isKind(0), sideIs(.less)), owed, zero)
        case "requirement_notional":
            return builder.select(isKind(0), zero, derivedField("notional", ctx))
        default:
            return builder.constant(.nan)
        }
    }

    /// The position's haircut after the tier discount, within [0%, 100%]: the effective haircut,
    /// but for what crosses a bridge.
    mutating func baseHaircut(_ ctx: LowerContext) -> NodeRef {
        memo(Self.key("field", "base_haircut", ctx), at: .synthetic) { me in
            // The discount first: nodes are explained in the order they are made.
            let discount = me.tierDiscount(ctx)
            let discounted = me.builder.binary(.multiply, me.property("haircut", ctx),
                                               me.builder.binary(.subtract, me.builder.constant(1), discount))
            return me.builder.binary(.min, me.builder.binary(.max, discounted, me.builder.constant(0)), me.builder.constant(1))
        }
    }

    /// The Black–Scholes–Merton price or a Greek of one unit of each option position, from the
    /// underlying's quoted price, volatility, rate and yield (each shocked in a scenario).
    mutating func optionModel(_ output: OptionOutput, _ ctx: LowerContext) -> NodeRef {
        builder.optionModel(output, kind: builder.add(.positionInput(.kind)), right: builder.add(.positionInput(.right)),
                            spot: quotedPrice(ctx), strike: builder.add(.positionInput(.strike)),
                            years: builder.add(.positionInput(.expiry)), vol: marketInput("vol", ctx),
                            rate: marketInput("risk_free_rate", ctx), yield: marketInput("dividend_yield", ctx))
    }

    /// The price as quoted, before the oracle rule (shocked in a scenario). Debts and
    /// derivatives are valued at it: the `zero` rule writes collateral down to 0, but a price of
    /// 0 would hand a short perpetual its whole entry value as profit and a perpetual no margin
    /// requirement, so derivatives keep a stale quote and are undefined without a usable one.
    mutating func quotedPrice(_ ctx: LowerContext) -> NodeRef {
        let quoted = named(builder.add(.assetInput(.quotedPrice)), "quoted price", "market data, before the oracle rule")
        return ctx.scenario.map { shocked(quoted, input: .quotedPrice, scenario: $0) } ?? quoted
    }

    /// How the standard position fields are computed, for `explain`.
    static let fieldFormulas: [String: String] = [
        "notional": "|quantity| × price (spot: after the oracle rule; derivatives: the mark price, the quote unless the market gives a mark)",
        "pnl": "perpetuals: quantity × (mark price − entry price)",
        "funding": "perpetuals: quantity × mark price × funding rate × horizon",
        "option_value": "options: quantity × Black–Scholes value at the quoted price",
        "market_value": "spot: quantity × price; perpetuals: PnL; options: value",
        "effective_haircut": "haircut × (1 − tier haircut discount), within [0%, 100%]",
        "collateral_value": "long spot: notional × (1 − effective haircut)",
        "debt_value": "borrowed spot: |quantity| × quoted price",
        "requirement_notional": "perpetuals and options: notional",
    ]

    /// The fields whose formula a policy with chains changes.
    static let bridgedFieldFormulas: [String: String] = [
        "effective_haircut": "h + cross-chain share × (min(100%, h + bridge haircut) − h), where h = haircut × (1 − tier haircut discount) within [0%, 100%]",
        "collateral_value": "long spot: notional × (1 − effective haircut); with the `bridge` cap, the part across a bridge scaled to it",
    ]

    /// How the standard results are computed, for `explain`.
    static let resultFormulas: [String: String] = [
        "gross_value": "Σ notional of long spot positions",
        "collateral": "Σ collateral value",
        "debt": "Σ debt value",
        "unrealised_pnl": "Σ perpetual PnL",
        "options_value": "Σ option values",
        "equity": "collateral + unrealised PnL + options value − debt",
        "initial_requirement": "Σ perpetual and option notional × margin initial",
        "maintenance_requirement": "Σ perpetual and option notional × margin maintenance",
        "credit_line": "tier.credit_line",
        "health": "(Σ collateral value × liquidation threshold + PnL + options + credit line) ÷ (debt + maintenance); ∞ with nothing owed",
        "margin_ratio": "equity ÷ maintenance requirement; ∞ with no requirement",
        "interest": "Σ debt value × ((1 + borrow rate ÷ seconds per year)^(horizon in seconds) − 1)",
        "worst_scenario_loss": "the largest of each scenario's weight × (equity − equity under it), never below 0",
    ]

    /// `tier.haircut_discount` when the tiers table has that field, else none.
    mutating func tierDiscount(_ ctx: LowerContext) -> NodeRef {
        guard let table = symbols.table("tier"),
              table.rows.contains(where: { $0.body.contains { $0.name.text == "haircut_discount" } })
        else { return builder.constant(0) }
        return tableField("tier", "haircut_discount", ctx)
    }

    /// A standard account result, unless a policy measure of that name replaces it.
    mutating func standardResult(_ name: String, _ ctx: LowerContext) -> NodeRef {
        // The status a measure reads is the reported one (after the assertions' consequences),
        // in the snapshot as given: a scenario's status is not a value of the language.
        if name == "status" { return statusNode() }
        if symbols.measure(name) != nil { return lowerMeasure(name, ctx) }
        var own = LowerContext()
        own.scenario = ctx.scenario
        return memo(Self.key("result", name, own), at: .synthetic) { me in
            me.named(me.standardBody(name, own), name, Self.resultFormulas[name] ?? "")
        }
    }

    private mutating func standardBody(_ name: String, _ ctx: LowerContext) -> NodeRef {
        let zero = builder.constant(0), infinity = builder.constant(.infinity)
        func sum(_ me: inout Lowerer, _ field: String) -> NodeRef {
            me.builder.aggregate(.sum, me.derivedField(field, ctx), filter: nil)
        }
        switch name {
        case "gross_value":
            let longSpot = builder.binary(.and, isKind(0), sideIs(.greater))
            return builder.aggregate(.sum, derivedField("notional", ctx), filter: longSpot)
        case "collateral": return sum(&self, "collateral_value")
        case "debt": return sum(&self, "debt_value")
        case "unrealised_pnl": return sum(&self, "pnl")
        case "options_value": return sum(&self, "option_value")
        case "equity":
            let assets = builder.binary(.add, standardResult("collateral", ctx),
                                        builder.binary(.add, standardResult("unrealised_pnl", ctx), standardResult("options_value", ctx)))
            return builder.binary(.subtract, assets, standardResult("debt", ctx))
        case "initial_requirement", "maintenance_requirement":
            let rate = setting(.margin, name == "initial_requirement" ? "initial" : "maintenance", ctx)
            return builder.aggregate(.sum, builder.binary(.multiply, derivedField("requirement_notional", ctx), rate), filter: nil)
        case "credit_line":
            return symbols.table("tier") == nil ? zero : tableFieldOrZero("tier", "credit_line", ctx)
        case "health":
            // (Σ collateral value × liquidation threshold + PnL + options + credit line) ÷ (debt + maintenance)
            let weighted = builder.aggregate(.sum, builder.binary(.scale, derivedField("collateral_value", ctx),
                                                                  property("liquidation_threshold", ctx)), filter: nil)
            let extras = builder.binary(.add, standardResult("unrealised_pnl", ctx),
                                        builder.binary(.add, standardResult("options_value", ctx), standardResult("credit_line", ctx)))
            let owed = builder.binary(.add, standardResult("debt", ctx), standardResult("maintenance_requirement", ctx))
            let ratio = builder.binary(.divide, builder.binary(.add, weighted, extras), owed)
            return builder.select(builder.binary(.lessEqual, owed, zero), infinity, ratio)
        case "margin_ratio":
            let maintenance = standardResult("maintenance_requirement", ctx)
            return builder.select(builder.binary(.lessEqual, maintenance, zero), infinity,
                                  builder.binary(.divide, standardResult("equity", ctx), maintenance))
        case "interest": return interest(ctx)
        case "worst_scenario_loss": return worstScenarioLoss(ctx)
        default: return builder.constant(.nan)
        }
    }

    /// Interest on each borrowed balance over the horizon, as the margin block's
    /// `interest_accrual` says (with x = r ÷ secondsPerYear and n the horizon in seconds):
    /// - `compound` (the default), per second as lending markets do:
    ///   (1 + x)^n − 1 = expm1(n × log1p(x));
    /// - `taylor`, Aave v3's `calculateCompoundedInterest`, the binomial series cut after three
    ///   terms: n·x + n(n−1)·x²/2 + n(n−1)(n−2)·x³/6;
    /// - `linear`, simple interest: r × horizon in years (Aave's supply-side `calculateLinearInterest`).
    mutating func interest(_ ctx: LowerContext) -> NodeRef {
        let secondsPerYear = 31_536_000.0
        let n = options.horizon * secondsPerYear
        let rate = property("borrow_rate", ctx)
        let perSecond = builder.binary(.divide, rate, builder.constant(secondsPerYear))
        let growth: NodeRef
        switch accrualMethod {
        case "linear":
            growth = builder.binary(.multiply, rate, builder.constant(options.horizon))
        case "taylor" where arithmetic.isFixedPoint:
            // The same series in g = n·x = rate × horizon: (n·x)² is 1e-8 where x² is 1e-18, a
            // few units of a wad; the constants (n−1)/2n and (n−1)(n−2)/6n² stay near ½ and ⅙
            // where n(n−1)(n−2)/6 would overflow a ray.
            let g = builder.binary(.multiply, rate, builder.constant(options.horizon))
            let g2 = builder.binary(.multiply, g, g)
            let g3 = builder.binary(.multiply, g2, g)
            let second = builder.binary(.multiply, g2, builder.constant(n > 0 ? max(n - 1, 0) / (2 * n) : 0))
            let third = builder.binary(.multiply, g3, builder.constant(n > 0 ? max(n - 1, 0) * max(n - 2, 0) / (6 * n * n) : 0))
            growth = builder.binary(.add, g, builder.binary(.add, second, third))
        case "taylor":
            let x2 = builder.binary(.multiply, perSecond, perSecond)
            let x3 = builder.binary(.multiply, x2, perSecond)
            let first = builder.binary(.multiply, perSecond, builder.constant(n))
            let second = builder.binary(.multiply, x2, builder.constant(n * max(n - 1, 0) / 2))
            let third = builder.binary(.multiply, x3, builder.constant(n * max(n - 1, 0) * max(n - 2, 0) / 6))
            growth = builder.binary(.add, first, builder.binary(.add, second, third))
        default:
            growth = builder.unary(.expm1, builder.binary(.multiply, builder.unary(.log1p, perSecond), builder.constant(n)))
        }
        return builder.aggregate(.sum, builder.binary(.multiply, derivedField("debt_value", ctx), growth), filter: nil)
    }

    /// The margin block's `interest_accrual` word (checked to be one of the accrual words).
    var accrualMethod: String {
        guard let item = symbols.settingsBody(.margin)?.last(where: { $0.name.text == "interest_accrual" }),
              case .name(let word) = item.value.kind else {
            // Fixed point has no exponential: Aave's three-term approximation is its default.
            return arithmetic.isFixedPoint ? "taylor" : "compound"
        }
        return word
    }
}
