import LeverCheck
import LeverSyntax

/// Codes of enum words, shared with the engine's book columns.
public enum WordCode {
    public static func value(_ word: String) -> Double? {
        switch word {
        case "long": 1
        case "short": -1
        case "spot": 0
        case "perp": 1
        case "option": 2
        case "call": 0
        case "put": 1
        // `price_status`, in `PriceStatusCode` order.
        case "fresh": 0
        case "stale": 1
        case "missing": 2
        case "invalid": 3
        case "future": 4
        // `status`, in the order of `CompiledPolicy.statusWords`.
        case "healthy": 0
        case "margin_call": 1
        case "liquidatable": 2
        default: nil
        }
    }
}

extension Lowerer {
    mutating func lowerReference(_ expr: Expr, _ ctx: LowerContext) -> NodeRef {
        guard let resolution = checked.resolutions[expr] else { return builder.constant(.nan) }
        switch resolution {
        case .param(let name): return lowerParam(name, ctx)
        case .measure(let name): return lowerMeasure(name, ctx)
        case .curveParameter: return ctx.curveArgument ?? builder.constant(.nan)
        case .marketInput(let input): return marketInput(input, ctx)
        case .assetInput(let asset, let input):
            guard let a = assets.firstIndex(of: asset) else { return builder.constant(.nan) }
            var assetCtx = ctx
            assetCtx.asset = a
            return builder.add(.pick(marketInput(input, assetCtx), asset: a))
        case .assetProperty(let asset, let name):
            guard let a = assets.firstIndex(of: asset) else { return builder.constant(.nan) }
            var assetCtx = ctx
            assetCtx.asset = a
            let value = assetProperty(name, asset: a, assetCtx)
            switch builder.domain(value) {
            case .scalar, .account: return value
            case .asset: return builder.add(.pick(value, asset: a))
            case .position:
                // A rule that reads the position (`notional`) has no value outside one.
                diagnostics.append(.assetPropertyPerPosition(asset, name, at: expr.span))
                return builder.constant(.nan)
            }
        case .positionField(let field): return positionField(field, ctx)
        case .property(let name): return property(name, ctx)
        case .setting(let keyword, let name): return setting(keyword, name, ctx)
        case .accountResult(let name): return standardResult(name, ctx)
        case .accountAttribute(let name):
            // A score the `reputation` block holds says so: its value may be withheld.
            let held = reputation.isDeclared && reputation.scores.contains { $0.key == name }
            return named(builder.add(.accountInput(name == "score" ? .score : .attribute(name))), "account.\(name)",
                         held ? "from the book; undefined when stale, undated or missing (`reputation`)" : "from the book")
        case .tableLabel(let table): return tableRow(table, ctx)
        case .tableField(let table, let field): return tableField(table, field, ctx)
        case .rowLabel(let table, let label):
            return builder.constant(Double(symbols.table(table)?.rows.firstIndex { $0.label.text == label } ?? -1))
        case .word(_, let word): return builder.constant(WordCode.value(word) ?? Double(intern(word)))
        case .entity(let kind, let name): return builder.constant(Double(entityIndex(kind, name)))
        case .builtin, .curve, .positions: return builder.constant(.nan)
        }
    }

    func entityIndex(_ kind: SymbolKind, _ name: String) -> Int {
        switch kind {
        case .asset: assets.firstIndex(of: name) ?? -1
        case .venue: venues.firstIndex(of: name) ?? -1
        case .class: classes.firstIndex(of: name) ?? -1
        default: -1
        }
    }

    /// Runs `body` once per key and context; reports a definition that needs its own value.
    mutating func memo(_ key: String, at span: Span, _ body: (inout Lowerer) -> NodeRef) -> NodeRef {
        if let hit = cache[key] { return hit }
        guard !visiting.contains(key) else {
            diagnostics.append(.dependsOnItself(key.components(separatedBy: "@")[0], at: span))
            return builder.constant(.nan)
        }
        visiting.insert(key)
        let node = body(&self)
        visiting.remove(key)
        cache[key] = node
        return node
    }

    static func key(_ kind: String, _ name: String, _ ctx: LowerContext) -> String {
        "\(name)@\(kind)/\(ctx.asset.map(String.init) ?? "-")/\(ctx.scenario.map(String.init) ?? "-")"
    }

    mutating func lowerParam(_ name: String, _ ctx: LowerContext) -> NodeRef {
        guard let expr = symbols.param(name) else { return builder.constant(.nan) }
        var plain = LowerContext()
        plain.scenario = ctx.scenario
        return memo(Self.key("param", name, plain), at: expr.span) { me in
            me.named(me.lower(expr, plain), "param \(name)", me.source(expr.span), at: expr.span, unit: me.unit(of: expr))
        }
    }

    mutating func lowerMeasure(_ name: String, _ ctx: LowerContext) -> NodeRef {
        guard let measure = symbols.measure(name) else { return builder.constant(.nan) }
        var own = LowerContext()
        own.scenario = ctx.scenario
        return memo(Self.key("measure", name, own), at: measure.name.span) { me in
            me.named(me.lower(measure.value, own), "measure \(name)", me.source(measure.value.span), at: measure.name.span,
                     unit: me.unit(of: measure.value))
        }
    }

    /// A market input: the asset's column (shocked in a scenario); positions read it through their asset.
    mutating func marketInput(_ name: String, _ ctx: LowerContext) -> NodeRef {
        guard symbols.isMarketInput(name) else { return builder.constant(.nan) }
        let input = AssetInput(rawValue: name)
        let column = named(builder.add(.assetInput(input)), name, "market data")
        guard let s = ctx.scenario else { return column }
        return shocked(column, input: input, scenario: s)
    }

    mutating func positionField(_ field: String, _ ctx: LowerContext) -> NodeRef {
        switch field {
        case "side": return builder.add(.side)
        case "asset": return builder.add(.positionKey(.asset))
        case "venue": return builder.add(.positionKey(.venue))
        case "class":
            let codes = assetClasses.map { Double(classes.firstIndex(of: $0) ?? -1) }
            return builder.add(.assetConstants(codes))
        default:
            // A Greek is valued from the same quote, volatility, rate and yield as the option's
            // value, at the snapshot and in each scenario's shocked market.
            if let greek = OptionOutput(field: field) {
                return memo(Self.key("greek", field, ctx), at: .synthetic) { me in
                    let title = ctx.scenario.map { "\(field) under \(me.symbols.symbols(.scenario)[$0].name)" } ?? field
                    return me.named(me.optionModel(greek, ctx), title, "options: Black–Scholes–Merton \(field) per unit")
                }
            }
            if let input = PositionInput(rawValue: field) { return builder.add(.positionInput(input)) }
            return derivedField(field, ctx)
        }
    }

    mutating func setting(_ keyword: Keyword, _ name: String, _ ctx: LowerContext) -> NodeRef {
        guard let item = symbols.settingsBody(keyword)?.last(where: { $0.name.text == name }) else {
            return standardSetting(name, ctx)
        }
        var own = ctx
        own.asset = nil
        return memo(Self.key("setting", name, own), at: item.name.span) { me in
            me.named(me.lower(item.value, own), "\(keyword.rawValue) \(name)", me.source(item.span), at: item.span,
                     unit: me.unit(of: item.value))
        }
    }
}

// MARK: - Compile diagnostics (L08xx)

extension Diagnostic {
    static func assetPropertyPerPosition(_ asset: String, _ name: String, at span: Span) -> Diagnostic {
        .error("L0802", "`\(asset).\(name)` depends on the position it is read for", at: span,
               help: "its rules read a position's value (such as `notional`); read `\(name)` inside an aggregate instead, "
                   + "e.g. `max(\(name) where asset == \(asset))`")
    }

    static func dependsOnItself(_ name: String, at span: Span) -> Diagnostic {
        .error("L0801", "the value of `\(name)` depends on itself", at: span,
               help: "break the cycle: one of the definitions it reads must not read it back")
    }
}
