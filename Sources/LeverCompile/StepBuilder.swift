import LeverNumerics

/// Turns plan nodes into chained steps. Input nodes (literals, market, book columns) get no step:
/// their column pointers are set by `Snapshot` and `Frame`.
struct StepBuilder<N: MarginNumber> {
    let plan: Plan
    /// `plan.live`: nodes no result reads get no step (nor do gathers every reader of which
    /// reads through the position's asset itself, `fused`).
    let live: [Bool]
    /// Per binary node that reads a gathered per-asset value: which operand (0 or 1) it reads
    /// through the position's asset, in the same pass (`Steps.gatheredBinary`).
    let fused: [Int: Int]

    /// - Parameter fusingGathers: fuse each binary operation with a gather it reads, so the
    ///   gathered values get no column when nothing else reads them. Not for a program that is
    ///   traced (a trace reads every node's column): the spot program only.
    init(plan: Plan, fusingGathers: Bool = false) {
        self.plan = plan
        var live = plan.live
        var fused: [Int: Int] = [:]
        if fusingGathers {
            func isGather(_ r: NodeRef) -> Bool {
                if case .gather(let t) = plan[r].op { return plan[t].domain == .asset }
                return false
            }
            for (i, node) in plan.nodes.enumerated() where live[i] && node.domain == .position {
                guard case .binary(_, let a, let b) = node.op else { continue }
                if isGather(a) { fused[i] = 0 } else if isGather(b) { fused[i] = 1 }
            }
            // A gather is still a step when anything reads its column.
            var column = Set((plan.outputs.map(\.node) + plan.assetOutputs.map(\.node) + plan.probes.map(\.node)).map(\.index))
            for (i, node) in plan.nodes.enumerated() where live[i] {
                for (k, operand) in node.op.operands.enumerated() where fused[i] != k { column.insert(operand.index) }
            }
            for (i, node) in plan.nodes.enumerated() where live[i] && !column.contains(i) {
                if case .gather = node.op { live[i] = false }
            }
        }
        self.live = live
        self.fused = fused
    }

    /// Steps chained into one closure at most: each step calls the next before it returns, so a
    /// chain uses one stack frame per step, and a policy with a 10,000-term sum has that many steps.
    static var maxChainLength: Int { 256 }

    /// The steps of the live nodes whose domain passes `include`, in plan order, then the output copies
    /// (batch chain only), as chains: each step calls the next, so running a chain costs one
    /// indirect call per node per batch and no retain/release of an array of closures. A plan of
    /// more than `maxChainLength` steps is cut into several chains run one after the other, so
    /// that the stack a run needs does not grow with the size of the policy.
    func chain(_ include: (Domain) -> Bool) -> Step<N> {
        var segments = ChainSegments<N>()
        if include(.account) {
            for (j, output) in plan.outputs.enumerated().reversed() {
                segments.prepend { copyOut(output.node, to: j, next: $0) }
            }
        }
        for i in plan.nodes.indices.reversed() where live[i] && include(plan.nodes[i].domain) {
            segments.prepend { step(i, next: $0) }
        }
        return segments.run
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
            if let side = fused[i], case .gather(let table) = plan[side == 0 ? a : b].op {
                return Steps.gatheredBinary(k, table: table.index, other: operand(side == 0 ? b : a), tableFirst: side == 0,
                                            out: i, next: next)
            }
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
        case .optionModel(let output, let kind, let right, let spot, let strike, let years, let vol, let rate, let yield):
            return Steps.optionModel(output, [kind, right, spot, strike, years, vol, rate, yield].map(operand), out: i, next: next)
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

/// Chains under construction, built from the last step backwards (each step needs the one after
/// it): the chain being built, and the complete chains that run after it.
struct ChainSegments<N: MarginNumber> {
    private var head: Step<N> = { _ in }
    private var length = 0
    /// Complete chains, the last to run first.
    private var later: [Step<N>] = []

    /// Puts the step `make` builds (given its successor) in front of all the others; `make` may
    /// return nil for a node that needs no step.
    mutating func prepend(_ make: (@escaping Step<N>) -> Step<N>?) {
        if length == StepBuilder<N>.maxChainLength {
            later.append(head)
            head = { _ in }
            length = 0
        }
        guard let step = make(head) else { return }
        head = step
        length += 1
    }

    /// One step running the chains in order: the chain itself when there is only one.
    var run: Step<N> {
        guard !later.isEmpty else { return head }
        let chains = [head] + later.reversed()
        return { e in
            for chain in chains { chain(e) }
        }
    }
}
