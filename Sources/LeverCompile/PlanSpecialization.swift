import LeverNumerics

extension Plan {
    /// The plan for batches in which every position's `input` is `value` (every position a spot
    /// balance: `kind` 0): the input becomes a literal, and what it decides is worked out once,
    /// here, instead of per position (the comparisons on it, the selects and `and`/`or` they
    /// choose, the option values of positions that are no options, the aggregates whose filter is
    /// never true), so the program has fewer steps. Nil when the plan does not read the input.
    ///
    /// The same bits as the whole plan on such a batch: a folded value is computed by the
    /// kernels the step would run (`applyUnary`, `BinaryOperation`, `chosen`, `CurveKernel`); a
    /// select takes the operand its step would take at every element; an aggregate whose filter
    /// is a defined false everywhere is 0 (each kind's fold of nothing), and one whose filter is
    /// a finite true everywhere folds every value (the filter's poison is +0, and a total that
    /// starts at +0 is never −0, so adding it changes no bit). Binary64 only: folding in another
    /// number type would round as binary64 does.
    func specialized(_ input: PositionInput, as value: Double) -> Plan? {
        guard nodes.contains(where: { $0.op == .positionInput(input) }) else { return nil }
        var builder = PlanBuilder()
        var map = [NodeRef](repeating: NodeRef(0), count: nodes.count)
        let live = self.live
        for (i, node) in nodes.enumerated() where live[i] {
            map[i] = builder.specialized(node.op, domain: node.domain, input: input, value: value) { map[$0.index] }
        }
        for output in outputs { builder.output(output.name, map[output.node.index]) }
        return builder.plan
    }
}

extension PlanBuilder {
    /// `op` with its operands already specialized (`mapped`), folded where they decide it.
    mutating func specialized(_ op: PlanOp, domain d: Domain, input: PositionInput, value: Double,
                              _ mapped: (NodeRef) -> NodeRef) -> NodeRef {
        func known(_ r: NodeRef) -> Double? { plan.constant(mapped(r)) }
        // A folded −0 stays a step: literals equal as numbers are merged, and −0 == +0.
        func foldable(_ v: Double) -> Bool { !(v == 0 && v.sign == .minus) }
        // Whether `r` holds truth values only (0, 1 or undefined): a comparison, `and`, `or`, `not`.
        func isTruth(_ r: NodeRef) -> Bool {
            switch plan[mapped(r)].op {
            case .binary(let k, _, _): [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or].contains(k)
            case .unary(let k, _): [.not, .isFalse, .isUndefined].contains(k)
            default: false
            }
        }
        switch op {
        case .positionInput(input): return constant(value)
        case .constant, .assetInput, .assetConstants, .positionInput, .positionKey, .side, .accountInput:
            return add(op)
        case .alias(let a, let name): return add(.alias(mapped(a), name))
        case .pick(let a, let asset): return add(.pick(mapped(a), asset: asset))
        case .splat(let a, let d): return add(.splat(mapped(a), d))
        case .gather(let a), .broadcast(let a): return lift(mapped(a), to: .position)
        case .unary(let kernel, let a):
            if let x = known(a), case let v = applyUnary(kernel, x), foldable(v) { return constant(v) }
            return add(.unary(kernel, mapped(a)))
        case .binary(let kernel, let a, let b):
            let (x, y) = (known(a), known(b))
            if let x, let y {
                let v = kernel.apply(x, y)
                if foldable(v) { return constant(v) }
            }
            // Kleene: a defined false decides `and`, a defined true decides `or`.
            if kernel == .and, x == 0 || y == 0 { return constant(0) }
            if kernel == .or, [x, y].contains(where: { $0.map { !$0.isNaN && $0 != 0 } ?? false }) { return constant(1) }
            // `true and b` and `false or b` are `b` when `b` is a truth value (0, 1 or undefined):
            // the kernel gives 0, 1 or undefined as `b` is.
            if kernel == .and, x == 1, isTruth(b) { return mapped(b) }
            if kernel == .and, y == 1, isTruth(a) { return mapped(a) }
            if kernel == .or, x == 0, isTruth(b) { return mapped(b) }
            if kernel == .or, y == 0, isTruth(a) { return mapped(a) }
            // A side is −1, 0 or 1 (the layout's code): `side > 0` is `side == 1` and `side < 0`
            // is `side == −1`, the same truth values, so the filters of longs and shorts that a
            // policy writes both ways are one step each.
            if case .side = plan[mapped(a)].op, y == 0, kernel == .greater || kernel == .less {
                return add(.binary(.equal, mapped(a), constant(kernel == .greater ? 1 : -1)))
            }
            let d = Self.join([domain(mapped(a)), domain(mapped(b))])
            return add(.binary(kernel, lift(mapped(a), to: d), lift(mapped(b), to: d)))
        case .select(let c, let a, let b):
            if let condition = known(c) {
                // `chosen`: an undefined condition is the value, else the operand it picks.
                return condition.isNaN ? constant(condition) : (condition != 0 ? mapped(a) : mapped(b))
            }
            let d = Self.join([domain(mapped(c)), domain(mapped(a)), domain(mapped(b))])
            return add(.select(lift(mapped(c), to: d), lift(mapped(a), to: d), lift(mapped(b), to: d)))
        case .cases(let key, let caseOf, let cases, let fallback):
            if key == .asset, d == .position {
                let taken = caseOf.map { mapped($0 >= 0 ? cases[$0] : fallback) }
                if let only = taken.first, taken.allSatisfy({ $0 == only }) { return only }
                if let merged = plan.mergedCases(caseOf: caseOf, cases: cases.map(mapped), fallback: mapped(fallback)) {
                    let chosen = add(.cases(.asset, caseOf: caseOf, cases: merged.values.map { lift($0, to: .asset) },
                                            fallback: lift(merged.fallback, to: .asset)))
                    let d = Self.join([.position, domain(merged.shared)])
                    let (value, shared) = (lift(chosen, to: d), lift(merged.shared, to: d))
                    return add(.binary(merged.kernel, merged.valueFirst ? value : shared, merged.valueFirst ? shared : value))
                }
            }
            // As the plan chose them (hoisted already): only the sources are specialized.
            return add(.cases(key, caseOf: caseOf, cases: cases.map { lift(mapped($0), to: d) }, fallback: lift(mapped(fallback), to: d)))
        case .aggregate(let kind, let a, let filter):
            if let f = filter, let w = known(f), w.isFinite {
                if w == 0 { return constant(0) }
                return aggregate(kind, mapped(a), filter: nil)
            }
            // A sum of +0 over every position is +0.
            if kind == .sum, filter == nil, let v = known(a), v.bitPattern == 0 { return constant(0) }
            return aggregate(kind, mapped(a), filter: filter.map(mapped))
        case .tableRow(let table, let keys): return tableRow(table, keys: keys.map(mapped))
        case .tableField(let row, let values):
            if let r = known(row), r.isFinite, case let k = Int(r), case let v = k >= 0 && k < values.count ? values[k] : .nan,
               foldable(v) {
                return constant(v)
            }
            return add(.tableField(mapped(row), values: values))
        case .curve(let shape, let a):
            if let x = known(a), case let v = CurveKernel<Double>(shape).value(x), foldable(v) { return constant(v) }
            return add(.curve(shape, mapped(a)))
        case .optionModel(let output, let kind, let right, let spot, let strike, let years, let vol, let rate, let yield):
            // Positions that are no options are valued at 0 by the step.
            if let k = known(kind), k != 2 { return constant(0) }
            return optionModel(output, kind: mapped(kind), right: mapped(right), spot: mapped(spot), strike: mapped(strike),
                               years: mapped(years), vol: mapped(vol), rate: mapped(rate), yield: mapped(yield))
        }
    }
}
