/// A per-asset choice whose every source an asset can take is one operation of a per-asset value
/// and one shared operand (each class's haircut plus the position's add-on): it is that operation
/// of one per-asset choice of the values (made once per market) and the shared operand, the same
/// operands for every position and so the same bits, in two steps instead of one per class and
/// the choice. The spot program (`Plan.specialized`) and native code (`NativeSource`) take it;
/// the whole plan keeps the policy's own steps, which `explain` shows.
struct MergedCases {
    var kernel: BinaryKernel
    /// Whether the per-asset value is the operation's first operand (`value + shared`).
    var valueFirst: Bool
    /// Per case, the per-asset node (or scalar) it reads; a case no asset takes reads any.
    var values: [NodeRef]
    /// What an asset without a case reads.
    var fallback: NodeRef
    var shared: NodeRef

    /// The per-asset node (or scalar) asset `k` reads.
    func value(asset k: Int, caseOf: [Int]) -> NodeRef { caseOf[k] >= 0 ? values[caseOf[k]] : fallback }
}

extension Plan {
    /// The choice `cases(.asset, caseOf, cases, fallback)` as a `MergedCases`, or nil when its
    /// sources are not of that form.
    func mergedCases(caseOf: [Int], cases: [NodeRef], fallback: NodeRef) -> MergedCases? {
        let taken = caseOf.map { $0 >= 0 ? cases[$0] : fallback }
        guard let first = taken.first, case .binary(let kernel, _, _) = self[first].op else { return nil }
        var pairs: [(NodeRef, NodeRef)] = []
        for ref in taken {
            guard case .binary(kernel, let a, let b) = self[ref].op else { return nil }
            pairs.append((a, b))
        }
        let valueFirst = pairs.allSatisfy { $0.1 == pairs[0].1 }
        guard valueFirst || pairs.allSatisfy({ $0.0 == pairs[0].0 }) else { return nil }
        // The per-asset value a source reads: a gathered per-asset node, or a scalar.
        func value(_ source: NodeRef) -> NodeRef? {
            guard case .binary(_, let a, let b) = self[source].op else { return nil }
            let operand = valueFirst ? a : b
            if case .gather(let values) = self[operand].op { return values }
            return self[operand].domain == .scalar ? operand : nil
        }
        guard let placeholder = value(first) else { return nil }
        var values: [NodeRef] = []
        for (c, source) in cases.enumerated() {
            guard let v = value(source) ?? (caseOf.contains(c) ? nil : placeholder) else { return nil }
            values.append(v)
        }
        guard let otherwise = value(fallback) ?? (caseOf.contains(-1) ? nil : placeholder) else { return nil }
        return MergedCases(kernel: kernel, valueFirst: valueFirst, values: values, fallback: otherwise,
                           shared: valueFirst ? pairs[0].1 : pairs[0].0)
    }
}
