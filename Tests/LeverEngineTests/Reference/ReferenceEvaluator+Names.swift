import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// What the names of a policy evaluate to: params, measures, market inputs, position fields,
/// properties (class chain, asset, venue) and settings.
extension ReferenceEvaluator {
    func reference(_ expr: Expr, _ scope: ReferenceScope) -> Double {
        guard let resolution = checked.resolutions[expr] else { return .nan }
        switch resolution {
        case .param(let name): return param(name, scope)
        case .measure(let name): return measure(name, scope)
        case .curveParameter: return scope.curveArgument ?? .nan
        case .marketInput(let input): return marketInput(input, scope)
        case .assetInput(let asset, let input):
            guard let a = assets.firstIndex(of: asset) else { return .nan }
            var inner = scope
            inner.asset = a
            return marketInput(input, inner)
        case .assetProperty(let asset, let name):
            // The asset's rule chain outside any position.
            guard let a = assets.firstIndex(of: asset) else { return .nan }
            var inner = ReferenceScope(scenario: scope.scenario)
            inner.asset = a
            return property(name, inner)
        case .positionField(let field): return positionField(field, scope)
        case .property(let name): return property(name, scope)
        case .setting(let keyword, let name): return setting(keyword, name, scope)
        case .accountResult(let name): return standardResult(name, scope)
        case .accountAttribute(let name):
            if name == "score" { return score }
            switch attributes[name] {
            case .number(let x): return ReferenceRange.outside(ranges, "account.\(name)", x) ? .nan : x
            case .string(let text): return Double(intern(text))
            case nil: return .nan
            }
        case .tableLabel(let table): return tableRow(table, scope)
        case .tableField(let table, let field): return tableField(table, field, scope)
        case .rowLabel(let table, let label):
            return Double(symbols.table(table)?.rows.firstIndex { $0.label.text == label } ?? -1)
        case .word(_, let word): return WordCode.value(word) ?? .nan
        case .entity(let kind, let name):
            switch kind {
            case .asset: return Double(assets.firstIndex(of: name) ?? -1)
            case .venue: return Double(venues.firstIndex(of: name) ?? -1)
            case .class: return Double(classes.firstIndex(of: name) ?? -1)
            default: return -1
            }
        case .builtin, .curve, .positions: return .nan
        }
    }

    /// A param: evaluated with no asset and no position, under the scenario in force.
    func param(_ name: String, _ scope: ReferenceScope) -> Double {
        guard let expr = symbols.param(name) else { return .nan }
        let plain = ReferenceScope(scenario: scope.scenario)
        return memo(Self.key("param", name, plain)) { eval(expr, plain) }
    }

    /// A measure: account-level ones once per account and scenario; position-level ones at the
    /// current position (the chain asset is dropped).
    func measure(_ name: String, _ scope: ReferenceScope) -> Double {
        guard let m = symbols.measure(name) else { return .nan }
        var own = ReferenceScope(scenario: scope.scenario)
        if m.level == .position {
            own.position = scope.position
            return eval(m.value, own)
        }
        return memo(Self.key("measure", name, own)) { eval(m.value, own) }
    }

    /// The asset whose market data is current: the chain's asset, else the position's.
    func currentAsset(_ scope: ReferenceScope) -> Int? {
        scope.asset ?? scope.position.map { positions[$0].asset }
    }

    /// A market input of the current asset, shocked in a scenario (price and vol only).
    func marketInput(_ name: String, _ scope: ReferenceScope) -> Double {
        guard let a = currentAsset(scope), let column = market.inputs[name], column.indices.contains(a) else { return .nan }
        let value = column[a]
        guard let s = scope.scenario else { return value }
        switch name {
        case "price", "quoted_price": return value * shocks[s]["price"]![a]
        default: return value * (shocks[s][name]?[a] ?? 1)
        }
    }

    func positionField(_ field: String, _ scope: ReferenceScope) -> Double {
        guard let p = scope.position else { return .nan }
        let row = positions[p]
        switch field {
        case "side": return row.side
        case "asset": return Double(row.asset)
        case "venue": return Double(row.venue)
        case "class": return Double(classes.firstIndex(of: assetClasses[row.asset]) ?? -1)
        case "delta", "gamma", "vega", "theta", "rho", "dividend_rho":
            // valued as the option's value is: at the quote, in the scope's (possibly shocked) market
            return row.field("kind") == 2 ? optionValuation(scope)[field] ?? .nan : 0
        case "quantity", "kind", "right", "entry_price", "strike", "expiry":
            return row.field(field)
        default: return derivedField(field, scope)
        }
    }

    /// A setting of the `margin` or `oracle` block (the last assignment wins), else its default.
    func setting(_ keyword: Keyword, _ name: String, _ scope: ReferenceScope) -> Double {
        var own = scope
        own.asset = nil
        guard let item = symbols.settingsBody(keyword)?.last(where: { $0.name.text == name }) else {
            return standardSetting(name, own)
        }
        return eval(item.value, own)
    }

    func standardSetting(_ name: String, _ scope: ReferenceScope) -> Double {
        switch name {
        case "initial", "maintenance", "bonus": return 0
        case "close_factor": return 0.5
        case "horizon": return horizon
        case "liquidate": return Self.binary(.less, standardResult("health", scope), 1)
        case "margin_call": return Self.binary(.less, standardResult("health", scope), 1.1)
        default: return .nan
        }
    }

    // MARK: - Properties

    /// A property: for the chain's asset when one is being folded, else for the current position
    /// (its asset's chain, then its venue's adjustments in order).
    func property(_ name: String, _ scope: ReferenceScope) -> Double {
        if let a = scope.asset { return assetProperty(name, asset: a, scope) }
        guard let p = scope.position else { return .nan }
        var chainScope = scope
        chainScope.asset = positions[p].asset
        var value = assetProperty(name, asset: positions[p].asset, chainScope)
        let v = positions[p].venue
        guard v >= 0 else { return value }
        for item in (symbols.venueBody(venues[v]) ?? []) where item.name.text == name {
            value = apply(item, to: value, scope)
        }
        return value
    }

    /// Class root → … → class → asset, in order; the standard default when nothing sets it.
    func assetProperty(_ name: String, asset a: Int, _ scope: ReferenceScope) -> Double {
        var value: Double? = nil
        for item in symbols.propertyChain(asset: assets[a], property: name) {
            value = apply(item, to: value, scope)
        }
        return value ?? standardDefault(name, scope)
    }

    /// `=` replaces the value so far; `+=`, `-=`, `*=` adjust it (the standard default when
    /// nothing before set it). The default is only read when an adjustment needs it.
    func apply(_ item: Property, to current: Double?, _ scope: ReferenceScope) -> Double {
        let x = eval(item.value, scope)
        switch item.op {
        case .set, .when: return x
        case .add: return (current ?? standardDefault(item.name.text, scope)) + x
        case .subtract: return (current ?? standardDefault(item.name.text, scope)) - x
        case .multiply: return (current ?? standardDefault(item.name.text, scope)) * x
        }
    }

    /// No haircut, full threshold and loan-to-value, the margin `bonus` as the default bonus,
    /// the `borrow_rate` curve at the pool's utilization, supply = borrow × utilization × (1 − reserve).
    func standardDefault(_ name: String, _ scope: ReferenceScope) -> Double {
        switch name {
        case "haircut", "reserve_factor", "initial_weight", "maintenance_weight", "liquidation_priority": return 0
        case "ltv", "liquidation_threshold": return 1
        case "liquidation_bonus":
            let hasBonus = symbols.settingsBody(.margin)?.contains { $0.name.text == "bonus" } == true
            return hasBonus ? setting(.margin, "bonus", scope) : 0
        case "borrow_rate":
            guard symbols.curve("borrow_rate") != nil else { return 0 }
            return curveValue("borrow_rate", marketInput("utilization", scope), scope)
        case "supply_rate":
            let kept = 1 - property("reserve_factor", scope)
            return property("borrow_rate", scope) * marketInput("utilization", scope) * kept
        case "max_price_age": return .infinity
        default: return .nan
        }
    }
}
