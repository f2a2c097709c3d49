import LeverNumerics

/// Builds a `Plan` bottom-up: merges identical nodes, infers each node's domain, and inserts the
/// moves between domains (`gather` asset → position, `broadcast` account → position) so that every
/// operation works on operands of its own domain or on scalars.
public struct PlanBuilder {
    public private(set) var plan = Plan()
    private var index: [PlanNode: NodeRef] = [:]
    /// How products and quotients round when no direction is written (`arithmetic { rounding = … }`):
    /// every `multiply`, `divide` and `scale` the policy and the engine's own results make.
    public var rounding: Rounding = .halfUp

    public init() {}

    public func domain(_ ref: NodeRef) -> Domain { plan[ref].domain }

    /// Adds a node (or finds the identical one already there).
    @discardableResult
    public mutating func add(_ op: PlanOp) -> NodeRef {
        let node = PlanNode(op: op, domain: inferDomain(op))
        // −0 is equal to +0 as a number, so it is never merged with (or found for) +0.
        if case .constant(let v) = op, v == 0, v.sign == .minus {
            plan.nodes.append(node)
            return NodeRef(plan.nodes.count - 1)
        }
        if let existing = index[node] { return existing }
        let ref = NodeRef(plan.nodes.count)
        plan.nodes.append(node)
        index[node] = ref
        return ref
    }

    public mutating func constant(_ value: Double) -> NodeRef { add(.constant(value)) }

    /// Names a node as an output the engine reads after each batch.
    public mutating func output(_ name: String, _ ref: NodeRef) {
        plan.outputs.removeAll { $0.name == name }
        plan.outputs.append((name, lift(ref, to: .account)))
    }

    /// Records where a node comes from; the first name given to a shared node stays, and the
    /// same rule named again for another asset adds that asset to it.
    public mutating func label(_ ref: NodeRef, _ origin: Origin) {
        guard var existing = plan.origins[ref] else {
            plan.origins[ref] = origin
            return
        }
        guard existing.title == origin.title, !origin.assets.isEmpty else { return }
        existing.assets = Array(Set(existing.assets + origin.assets)).sorted()
        plan.origins[ref] = existing
    }

    /// Records a position-level node a trace should expose under `name`.
    mutating func probe(_ name: String, _ ref: NodeRef) {
        plan.probes.removeAll { $0.name == name }
        plan.probes.append(NamedNode(name: name, node: ref))
    }

    /// Names a per-asset node the engine reads once per snapshot; refused (false) when the value
    /// depends on positions or accounts.
    @discardableResult
    public mutating func assetOutput(_ name: String, _ ref: NodeRef) -> Bool {
        guard domain(ref) <= .asset else { return false }
        plan.assetOutputs.removeAll { $0.name == name }
        plan.assetOutputs.append((name, ref))
        return true
    }

    // MARK: - Operations with domain moves

    public mutating func unary(_ kernel: UnaryKernel, _ a: NodeRef) -> NodeRef {
        if kernel == .negate, let v = plan.constant(a) { return constant(-v) }
        return add(.unary(kernel, a))
    }

    /// `a kernel b`; a product or quotient rounds in the policy's direction (`rounding`) unless
    /// `rounding:` names one (a rounding builtin).
    public mutating func binary(_ kernel: BinaryKernel, _ a: NodeRef, _ b: NodeRef, rounding written: Rounding? = nil) -> NodeRef {
        let direction = written ?? rounding
        if kernel == .scale && direction != .halfUp {
            // `a × b`, and `a` when it is 0: the guard `scale` keeps, with the product rounded.
            return select(binary(.equal, a, constant(0)), a, binary(.multiply, a, b, rounding: direction))
        }
        let d = Self.join([domain(a), domain(b)])
        return add(.binary(kernel.rounded(direction), lift(a, to: d), lift(b, to: d)))
    }

    public mutating func select(_ c: NodeRef, _ a: NodeRef, _ b: NodeRef) -> NodeRef {
        if let v = plan.constant(c) { return v != 0 ? a : b }
        let d = Self.join([domain(c), domain(a), domain(b)])
        return add(.select(lift(c, to: d), lift(a, to: d), lift(b, to: d)))
    }

    public mutating func aggregate(_ kind: AggregateKind, _ value: NodeRef, filter: NodeRef?) -> NodeRef {
        add(.aggregate(kind, lift(value, to: .position), filter: filter.map { lift($0, to: .position) }))
    }

    public mutating func curve(_ shape: CurvePlan, _ x: NodeRef) -> NodeRef { add(.curve(shape, x)) }

    /// The Black–Scholes value (or one Greek) of one unit of each option position (0 for other kinds).
    public mutating func optionModel(_ output: OptionOutput, kind: NodeRef, right: NodeRef, spot: NodeRef, strike: NodeRef, years: NodeRef,
                                     vol: NodeRef, rate: NodeRef, yield: NodeRef) -> NodeRef {
        let p = { (ref: NodeRef, me: inout PlanBuilder) in me.lift(ref, to: .position) }
        // The rate and the yield stay per asset: the kernel reads them through the position's
        // asset for option positions only, so a book without options pays no gather for them.
        precondition([.asset, .scalar].contains(domain(rate)) && [.asset, .scalar].contains(domain(yield)),
                     "option rates are market data, per asset")
        return add(.optionModel(output, kind: p(kind, &self), right: p(right, &self), spot: p(spot, &self),
                                strike: p(strike, &self), years: p(years, &self), vol: p(vol, &self),
                                rate: rate, yield: yield))
    }

    public mutating func tableRow(_ table: TablePlan, keys: [NodeRef]) -> NodeRef {
        let d = Self.join(keys.map(domain))
        return add(.tableRow(table, keys: keys.map { lift($0, to: d) }))
    }

    /// A value chosen per asset or per venue: `cases[caseOf[k]]`, or `fallback` where `caseOf[k] == -1`.
    /// Cases that depend only on the asset are merged into one hoisted per-asset column first.
    public mutating func cases(_ key: CaseKey, caseOf: [Int], cases: [NodeRef], fallback: NodeRef) -> NodeRef {
        if cases.isEmpty || caseOf.allSatisfy({ $0 < 0 }) { return fallback }
        let d = max(domain(fallback), cases.map(domain).max() ?? .scalar)
        if key == .asset && d <= .asset {
            return add(.cases(.asset, caseOf: caseOf, cases: cases.map { lift($0, to: .asset) },
                              fallback: lift(fallback, to: .asset)))
        }
        if key == .asset {
            return splitAssetCases(caseOf: caseOf, cases: cases, fallback: fallback)
        }
        return add(.cases(key, caseOf: caseOf, cases: cases.map { lift($0, to: .position) },
                          fallback: lift(fallback, to: .position)))
    }

    /// Hoists the asset-level cases (and an asset-level fallback) into one per-asset column;
    /// only the position-level cases are evaluated per position.
    private mutating func splitAssetCases(caseOf: [Int], cases: [NodeRef], fallback: NodeRef) -> NodeRef {
        let hoistable = cases.indices.filter { domain(cases[$0]) <= .asset }
        let perPosition = cases.indices.filter { domain(cases[$0]) > .asset }
        let fallbackHoisted = domain(fallback) <= .asset
        let hoisted = add(.cases(
            .asset,
            caseOf: caseOf.map { k in k >= 0 ? (hoistable.firstIndex(of: k) ?? -1) : -1 },
            cases: hoistable.map { lift(cases[$0], to: .asset) },
            fallback: lift(fallbackHoisted ? fallback : constant(.nan), to: .asset)))
        let gathered = lift(hoisted, to: .position)
        let positionOf = caseOf.map { k -> Int in
            if k >= 0, let i = perPosition.firstIndex(of: k) { return i }
            return k >= 0 || fallbackHoisted ? perPosition.count : -1
        }
        return add(.cases(.asset, caseOf: positionOf,
                          cases: perPosition.map { lift(cases[$0], to: .position) } + [gathered],
                          fallback: fallbackHoisted ? gathered : lift(fallback, to: .position)))
    }

    /// The domain where values of these domains can meet: the highest, except that a per-asset
    /// and a per-account value only meet per position (an account holds many assets).
    static func join(_ domains: [Domain]) -> Domain {
        let set = Set(domains)
        if set.contains(.asset) && set.contains(.account) { return .position }
        return domains.max() ?? .scalar
    }

    /// Moves a node's values into a higher domain; scalars stay scalars (kernels read them directly).
    public mutating func lift(_ ref: NodeRef, to target: Domain) -> NodeRef {
        let d = domain(ref)
        guard d != target, d != .scalar else { return ref }
        switch (d, target) {
        case (.asset, .position): return add(.gather(ref))
        case (.account, .position): return add(.broadcast(ref))
        default:
            preconditionFailure("no move from \(d) to \(target): the checker's level rules forbid it")
        }
    }

    private func inferDomain(_ op: PlanOp) -> Domain {
        switch op {
        case .constant, .pick: .scalar
        case .assetInput, .assetConstants: .asset
        case .positionInput, .positionKey, .side, .gather, .broadcast, .optionModel: .position
        case .accountInput, .aggregate: .account
        case .splat(_, let d): d
        case .unary(_, let a), .tableField(let a, _), .curve(_, let a), .alias(let a, _): domain(a)
        case .binary(_, let a, let b): Self.join([domain(a), domain(b)])
        case .select(let c, let a, let b): Self.join([domain(c), domain(a), domain(b)])
        case .cases(let key, _, let cases, let fallback):
            // Values differ by asset (or venue) even when every case is a scalar.
            key == .venue ? .position : max(.asset, domain(fallback), cases.map(domain).max() ?? .scalar)
        case .tableRow(_, let keys): Self.join(keys.map(domain))
        }
    }
}
