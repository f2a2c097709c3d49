import LeverSyntax

extension ProofAnalysis {
    /// Resolves names for one instance: its property chains first, then the checker's evaluator.
    struct Resolver {
        var instance: Instance
        var base: IntervalEvaluator
        /// Each property's value, computed once per instance: without it, properties that refer
        /// to each other several times would cost exponential time.
        let memo = Memo()

        /// Values already folded for this instance, and the names being folded (a name met
        /// again while being folded is a cycle, and unknown).
        final class Memo {
            var values: [String: Bounds?] = [:]
            var folding: Set<String> = []
            /// Affine forms of names (see `AffineForm`), and the ranges of the names kept as terms.
            var forms: [String: AffineForm] = [:]
            var atoms: [String: Bounds] = [:]
        }

        /// An evaluator whose names resolve at chain depth `depth`.
        func evaluator(depth: Int) -> IntervalEvaluator {
            var e = base
            e.name = { expr in resolve(expr, depth: depth) }
            return e
        }

        func resolve(_ expr: Expr, depth: Int) -> Bounds? {
            guard depth < ProofAnalysis.maxChainDepth else { return nil }
            guard case .name(let n) = expr.kind else { return base.name(expr) }
            if let known = memo.values[n] { return known }
            let chain = instance.chain(n)
            if !chain.isEmpty {
                guard !memo.folding.contains(n) else { return nil }
                memo.folding.insert(n)
                let value = fold(chain, depth: depth + 1).map { adjust($0, instance.adjustments(n), depth: depth + 1) }
                memo.folding.remove(n)
                memo.values[n] = value
                if let value { return value }
            }
            if let owner = instance.name, let own = base.name(Self.member(owner, n, like: expr)) { return own }
            return base.name(expr)
        }

        /// The value after each contribution in turn; nil when an adjustment has nothing to adjust.
        func fold(_ chain: [Property], depth: Int) -> Bounds? {
            var value: Bounds?
            for p in chain { value = apply(p, to: value, depth: depth) }
            return value
        }

        /// Either the chain's value or any single adjustment applied to it.
        func adjust(_ value: Bounds, _ adjustments: [Property], depth: Int) -> Bounds {
            adjustments.reduce(value) { hull, p in hull.hull(apply(p, to: value, depth: depth) ?? .unbounded) }
        }

        func apply(_ p: Property, to value: Bounds?, depth: Int) -> Bounds? {
            let v = evaluator(depth: depth).bounds(p.value)
            switch p.op {
            case .set: return v
            case .add: return value.map { $0 + v }
            case .subtract: return value.map { $0 - v }
            case .multiply: return value.map { $0 * v }
            case .when: return IntervalEvaluator.bounds(of: evaluator(depth: depth).truth(p.value))
            }
        }

        /// `SOL.vol` for the name `vol` in the context of asset `SOL`.
        static func member(_ owner: String, _ name: String, like expr: Expr) -> Expr {
            let base = Expr(id: expr.id, span: expr.span, kind: .name(owner))
            return Expr(id: expr.id, span: expr.span, kind: .member(base, Name(name, span: expr.span)))
        }
    }
}
