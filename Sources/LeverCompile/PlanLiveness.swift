extension PlanOp {
    /// The nodes this operation reads.
    public var operands: [NodeRef] {
        switch self {
        case .constant, .assetInput, .assetConstants, .positionInput, .positionKey, .side, .accountInput: return []
        case .alias(let a, _), .pick(let a, _), .gather(let a), .broadcast(let a), .splat(let a, _),
             .unary(_, let a), .tableField(let a, _), .curve(_, let a): return [a]
        case .binary(_, let a, let b): return [a, b]
        case .select(let c, let a, let b): return [c, a, b]
        case .cases(_, _, let cases, let fallback): return cases + [fallback]
        case .aggregate(_, let a, let filter): return [a] + (filter.map { [$0] } ?? [])
        case .tableRow(_, let keys): return keys
        case .optionModel(_, let kind, let right, let spot, let strike, let years, let vol, let rate, let yield):
            return [kind, right, spot, strike, years, vol, rate, yield]
        }
    }
}

extension Plan {
    /// Which nodes a result depends on: the outputs, the per-asset outputs and the probes, and
    /// everything they read. Lowering leaves nodes that nothing reads (a branch a rewrite made
    /// redundant, a standard result a policy measure replaced); they get no step.
    public var live: [Bool] {
        var live = [Bool](repeating: false, count: nodes.count)
        var pending = outputs.map(\.node) + assetOutputs.map(\.node) + probes.map(\.node)
        while let ref = pending.popLast() {
            guard nodes.indices.contains(ref.index), !live[ref.index] else { continue }
            live[ref.index] = true
            pending += nodes[ref.index].op.operands
        }
        return live
    }
}
