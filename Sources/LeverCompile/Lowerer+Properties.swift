import LeverCheck
import LeverSyntax

extension Lowerer {
    /// A property's value: for one asset while lowering its chain, else for the current position
    /// (its asset's chain, then its venue's adjustments).
    mutating func property(_ name: String, _ ctx: LowerContext) -> NodeRef {
        if let a = ctx.asset { return assetProperty(name, asset: a, ctx) }
        return memo(Self.key("position-property", name, ctx), at: .synthetic) { me in
            let perAsset = me.assets.indices.map { a -> NodeRef in
                var assetCtx = ctx
                assetCtx.asset = a
                return me.assetProperty(name, asset: a, assetCtx)
            }
            var unique: [NodeRef] = []
            let caseOf = perAsset.map { node -> Int in
                if let i = unique.firstIndex(of: node) { return i }
                unique.append(node)
                return unique.count - 1
            }
            let base = me.builder.cases(.asset, caseOf: caseOf, cases: unique, fallback: me.builder.constant(.nan))
            let adjusted = me.venueAdjusted(name, base, ctx)
            let venues = me.venues.filter { (me.symbols.venueBody($0) ?? []).contains { $0.name.text == name } }
            let detail = "each position's asset rule" + (venues.isEmpty ? "" : ", then venue adjustments (\(venues.joined(separator: ", ")))")
            return me.named(adjusted, name, detail)
        }
    }

    /// The property for one asset: its chain folded in order (class root → … → asset), or the
    /// standard default when nothing in the chain sets it.
    mutating func assetProperty(_ name: String, asset a: Int, _ ctx: LowerContext) -> NodeRef {
        let chain = symbols.propertyChain(asset: assets[a], property: name)
        let span = chain.first?.name.span ?? .synthetic
        return memo(Self.key("property", name, ctx), at: span) { me in
            var value: NodeRef? = nil
            for item in chain { value = me.apply(item, to: value, ctx) }
            let detail = chain.isEmpty ? "standard default"
                : chain.map { "`\(me.source($0.span))` (\(me.owner(of: $0, asset: a)))" }.joined(separator: ", then ")
            // Rules set only by classes are shared by every asset of the class: name them so.
            let owner = chain.last.map { me.owner(of: $0, asset: a) } ?? "asset \(me.assets[a])"
            let title = owner.hasPrefix("asset ") ? "\(name) of \(me.assets[a])" : "\(name) of \(owner)"
            return me.named(value ?? me.standardDefault(name, ctx), title, detail, at: chain.last?.span, asset: a,
                            unit: chain.last.flatMap { me.unit(of: $0.value) })
        }
    }

    /// One contribution applied to the value so far (`=` replaces; `+=`, `-=`, `*=` adjust).
    mutating func apply(_ item: Property, to value: NodeRef?, _ ctx: LowerContext) -> NodeRef {
        let x = lower(item.value, ctx)
        if item.op == .set || item.op == .when { return x }
        // Only an adjustment reads what it adjusts (a default that may itself read other rules).
        let current = value ?? standardDefault(item.name.text, ctx)
        switch item.op {
        case .set, .when: return x
        case .add: return builder.binary(.add, current, x)
        case .subtract: return builder.binary(.subtract, current, x)
        case .multiply: return builder.binary(.multiply, current, x)
        }
    }

    /// Which declaration a chain contribution sits in: `class major`, `asset SOL`.
    func owner(of item: Property, asset a: Int) -> String {
        if symbols.assetInfo(assets[a])?.body.contains(item) == true { return "asset \(assets[a])" }
        let cls = symbols.classChain(assetClasses[a]).last { $0.body.contains(item) }
        return cls.map { "class \($0.name.text)" } ?? "venue"
    }

    /// The asset-level value with each venue's adjustments for positions held there.
    mutating func venueAdjusted(_ name: String, _ base: NodeRef, _ ctx: LowerContext) -> NodeRef {
        var cases: [NodeRef] = []
        var caseOf = [Int](repeating: -1, count: venues.count)
        for (v, venue) in venues.enumerated() {
            let items = (symbols.venueBody(venue) ?? []).filter { $0.name.text == name }
            guard !items.isEmpty else { continue }
            var value: NodeRef? = base
            for item in items { value = apply(item, to: value, ctx) }
            caseOf[v] = cases.count
            cases.append(value ?? base)
        }
        return builder.cases(.venue, caseOf: caseOf, cases: cases, fallback: base)
    }

    /// What a standard property is when no rule sets it. Documented in the README: no haircut,
    /// full liquidation threshold and loan-to-value, no bonus or reserve, rates from the curve
    /// named `borrow_rate` when there is one.
    mutating func standardDefault(_ name: String, _ ctx: LowerContext) -> NodeRef {
        switch name {
        case "haircut", "reserve_factor", "initial_weight", "maintenance_weight", "liquidation_priority":
            return builder.constant(0)
        case "ltv", "liquidation_threshold": return builder.constant(1)
        case "liquidation_bonus":
            // The margin block's `bonus` applies where no asset sets its own.
            return symbols.settingsBody(.margin)?.contains { $0.name.text == "bonus" } == true
                ? setting(.margin, "bonus", ctx) : builder.constant(0)
        case "borrow_rate":
            if symbols.curve("borrow_rate") != nil {
                return lowerCurveCall("borrow_rate", marketInput("utilization", ctx), ctx)
            }
            return builder.constant(0)
        case "supply_rate":
            // supply = borrow × utilization × (1 − reserve factor)
            let kept = builder.binary(.subtract, builder.constant(1), property("reserve_factor", ctx))
            return builder.binary(.multiply, builder.binary(.multiply, property("borrow_rate", ctx),
                                                           marketInput("utilization", ctx)), kept)
        case "max_price_age": return builder.constant(.infinity)
        default: return builder.constant(.nan)
        }
    }

    /// Margin settings the policy leaves out.
    mutating func standardSetting(_ name: String, _ ctx: LowerContext) -> NodeRef {
        switch name {
        case "initial", "maintenance", "bonus": return builder.constant(0)
        case "close_factor": return builder.constant(0.5)
        case "horizon": return builder.constant(options.horizon)
        case "liquidate": return builder.binary(.less, standardResult("health", ctx), builder.constant(1))
        case "margin_call": return builder.binary(.less, standardResult("health", ctx), builder.constant(1.1))
        default: return builder.constant(.nan)
        }
    }
}
