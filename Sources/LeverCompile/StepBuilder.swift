import LeverNumerics

/// Turns plan nodes into chained steps. Input nodes (literals, market, book columns) get no step:
/// their column pointers are set by `Snapshot` and `Frame`.
struct StepBuilder<N: MarginNumber> {
    let plan: Plan
    /// `plan.live`: nodes no result reads get no step.
    let live: [Bool]

    init(plan: Plan) {
        self.plan = plan
        self.live = plan.live
    }

    /// The steps of the live nodes whose domain passes `include`, in plan order, then the output copies
    /// (batch chain only), as one chain: each step calls the next, so running the chain costs one
    /// indirect call per node per batch and no retain/release of an array of closures.
    func chain(_ include: (Domain) -> Bool) -> Step<N> {
        var next: Step<N> = { _ in }
        if include(.account) {
            for (j, output) in plan.outputs.enumerated().reversed() {
                next = copyOut(output.node, to: j, next: next)
            }
        }
        for i in plan.nodes.indices.reversed() where live[i] && include(plan.nodes[i].domain) {
            if let step = step(i, next: next) { next = step }
        }
        return next
    }

    func operand(_ ref: NodeRef) -> Operand {
        Operand(node: ref.index, stride: plan[ref].domain == .scalar ? 0 : 1)
    }

    func step(_ i: Int, next: @escaping Step<N>) -> Step<N>? {
        let node = plan.nodes[i]
        let d = node.domain
        switch node.op {
        case .constant, .assetInput, .assetConstants, .positionInput, .positionKey, .side, .accountInput:
            return nil
        case .pick(let a, let asset): return Steps.pick(a.index, asset: asset, out: i, next: next)
        case .gather(let a): return Steps.gather(a.index, out: i, next: next)
        case .broadcast(let a): return Steps.broadcast(a.index, out: i, next: next)
        case .splat(let a, _), .alias(let a, _): return Steps.splat(operand(a), out: i, domain: d, next: next)
        case .unary(let k, let a): return Steps.unary(k, operand(a), out: i, domain: d, next: next)
        case .binary(let k, let a, let b):
            return Steps.binary(k, operand(a), operand(b), out: i, domain: d, next: next)
        case .select(let c, let a, let b):
            return Steps.select(operand(c), operand(a), operand(b), out: i, domain: d, next: next)
        case .cases(let key, let caseOf, let cases, let fallback):
            return Steps.cases(key, caseOf: caseOf.map { Int32($0) }, cases: cases.map(operand),
                               fallback: operand(fallback), out: i, domain: d, next: next)
        case .aggregate(let kind, let a, let filter):
            return Steps.aggregate(kind, operand(a), filter: filter.map(operand), out: i, next: next)
        case .tableRow(let table, let keys):
            return Steps.tableRow(table, keys: keys.map(operand), out: i, domain: d, next: next)
        case .tableField(let row, let values):
            return Steps.tableField(operand(row), values: values, out: i, domain: d, next: next)
        case .curve(let shape, let a): return Steps.curve(shape, operand(a), out: i, domain: d, next: next)
        case .optionPrice(let kind, let right, let spot, let strike, let years, let vol):
            return Steps.optionPrice([kind, right, spot, strike, years, vol].map(operand), out: i, next: next)
        }
    }

    /// Copies an account-level (or scalar) output column into the caller's result buffer.
    func copyOut(_ ref: NodeRef, to j: Int, next: @escaping Step<N>) -> Step<N> {
        let a = operand(ref)
        return { e in
            let n = e.pointee.counts.account, x = e.pointee.columns[a.node], z = e.pointee.results[j]
            for i in 0..<n { z[i] = x[i &* a.stride] }
            next(e)
        }
    }
}
