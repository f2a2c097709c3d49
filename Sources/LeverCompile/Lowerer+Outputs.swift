import LeverCheck
import LeverSyntax

extension Lowerer {
    /// The standard results, in report order.
    static let standardNames = [
        "credit_line", "gross_value", "collateral", "debt", "unrealised_pnl", "options_value", "equity",
        "initial_requirement", "maintenance_requirement", "health", "margin_ratio", "interest",
    ]

    /// Status words, indexed by the `status` output's code.
    public static let statusWords = ["healthy", "margin_call", "liquidatable"]

    mutating func lowerAll() {
        let ctx = LowerContext()
        var pending: [(String, NodeRef, OutputKind?, Bool)] = []
        if symbols.table("tier") != nil {
            let labels = symbols.table("tier")?.rows.map(\.label.text) ?? []
            pending.append(("tier", tableRow("tier", ctx), .label(labels), false))
        }
        for name in Self.standardNames {
            pending.append((name, standardResult(name, ctx), nil, symbols.measure(name) != nil))
        }
        let houseStatus = symbols.measure("status") != nil
        pending.append(("status", statusNode(), houseStatus ? nil : .label(Self.statusWords), houseStatus))
        pending.append(("close_factor", setting(.margin, "close_factor", ctx), .number(.none), false))
        pending.append(("bonus", setting(.margin, "bonus", ctx), .number(.none), false))
        pending += scenarioOutputs()
        for symbol in symbols.symbols(.measure) where !pending.contains(where: { $0.0 == symbol.name }) {
            guard let m = symbols.measure(symbol.name), m.level == .account else { continue }
            pending.append((symbol.name, lowerMeasure(symbol.name, ctx), nil, true))
        }
        for name in options.probes.sorted() where symbols.measure(name)?.level == .position {
            builder.probe(name, lowerMeasure(name, ctx))
        }
        lowerAssetOutputs()
        for (name, node, kind, isMeasure) in pending {
            builder.output(name, node)
            outputInfos.append(OutputInfo(name: name, kind: kind ?? outputKind(name), isMeasure: isMeasure))
        }
        assertions = lowerAssertions()
        flags = lowerFlags()
    }

    /// The account's status as reported: the policy's own `status` measure (its words must be
    /// the engine's) or the `margin` block's conditions, then the assertions' consequences. The
    /// same node whether the report or a measure (`status == margin_call`) asks.
    mutating func statusNode() -> NodeRef {
        memo(Self.key("result", "status", LowerContext()), at: .synthetic) { me in
            let ctx = LowerContext()
            if me.symbols.measure("status") != nil { return me.withBreachStatuses(me.lowerMeasure("status", ctx)) }
            let liquidate = me.setting(.margin, "liquidate", ctx), call = me.setting(.margin, "margin_call", ctx)
            return me.withBreachStatuses(me.builder.select(liquidate, me.builder.constant(2),
                                                           me.builder.select(call, me.builder.constant(1), me.builder.constant(0))))
        }
    }

    /// Per-asset values the engine's liquidation plan reads: the bonus paid on each collateral
    /// and the order in which collaterals are seized (`liquidation_priority`, lower first).
    mutating func lowerAssetOutputs() {
        for name in ["liquidation_bonus", "liquidation_priority"] {
            let perAsset = assets.indices.map { a -> NodeRef in
                var ctx = LowerContext()
                ctx.asset = a
                return assetProperty(name, asset: a, ctx)
            }
            // Assets whose value depends on more than the asset read NaN here; the engine then uses
            // the account's margin `bonus` (or priority 0) for them.
            let hoistable = perAsset.map { builder.domain($0) <= .asset ? $0 : builder.constant(.nan) }
            let unique = Array(Set(hoistable)).sorted()
            let node = builder.cases(.asset, caseOf: hoistable.map { unique.firstIndex(of: $0) ?? -1 }, cases: unique,
                                     fallback: builder.constant(.nan))
            builder.assetOutput(name, node)
        }
    }

    /// The kind of a standard result or a measure, from the checker's types.
    func outputKind(_ name: String) -> OutputKind {
        if let m = symbols.measure(name), let type = checked.types[m.value] {
            switch type {
            case .bool: return .flag
            case .string: return .label(strings)
            case .label(let table): return .label(symbols.table(table)?.rows.map(\.label.text) ?? [])
            case .number(let d): return .number(d)
            default: return .number(.none)
            }
        }
        switch name {
        case "health", "margin_ratio", "close_factor": return .number(.none)
        default: return .number(.money)
        }
    }

    func oracleSettings() -> OracleSettings {
        let fold = folder
        let body = symbols.settingsBody(.oracle) ?? []
        let age = body.last { $0.name.text == "max_price_age" }.flatMap { fold.fold($0.value) } ?? .infinity
        let skew = body.last { $0.name.text == "max_clock_skew" }.flatMap { fold.fold($0.value) }
            ?? OracleSettings.defaultMaxClockSkew
        var stale = OracleSettings.StalePrice.zero
        if let item = body.last(where: { $0.name.text == "stale_price" }), case .name(let word) = item.value.kind,
           let parsed = OracleSettings.StalePrice(rawValue: word) {
            stale = parsed
        }
        var settings = OracleSettings(maxPriceAge: age, maxClockSkew: skew, stalePrice: stale)
        settings.maxInputAge = body.last { $0.name.text == "max_input_age" }.flatMap { fold.fold($0.value) } ?? age
        settings.emptyPoolUtilization = body.last { $0.name.text == "empty_pool_utilization" }.flatMap { fold.fold($0.value) } ?? 0
        // An asset's own limit (stablecoin feeds update daily, majors hourly) wins over the
        // block's. Folded along the class chain as properties are (`=` sets, `+=`/`-=`/`*=`
        // adjust); a rule that does not fold to a constant keeps the block's limit.
        let own = assets.map { asset -> Double in
            var value = age
            for item in symbols.propertyChain(asset: asset, property: "max_price_age") {
                guard let v = fold.fold(item.value) else { return age }
                switch item.op {
                case .set: value = v
                case .add: value += v
                case .subtract: value -= v
                case .multiply: value *= v
                case .when: return age
                }
            }
            return value
        }
        if own.contains(where: { $0 != age }) { settings.maxPriceAgeByAsset = own }
        return settings
    }
}
