import LeverSyntax

/// Comparisons whose two sides share a quantity, decided exactly.
///
/// Plain intervals forget that both sides of `maintenance < initial` (with `maintenance = 60% *
/// initial`) move together: `[3%, +∞) < [5%, +∞)` is unknown. Writing each side as a constant
/// plus multiples of shared names (an affine form) keeps the link: the difference is
/// `-40% × initial`, below zero for every `initial` in `[5%, +∞)`, so the assertion is proved.
struct AffineForm {
    /// The part that is not a multiple of a name.
    var constant: Bounds
    /// Coefficients of names that stand for a whole range of values.
    var terms: [String: Double] = [:]

    static func + (a: AffineForm, b: AffineForm) -> AffineForm {
        AffineForm(constant: a.constant + b.constant, terms: a.terms.merging(b.terms, uniquingKeysWith: +))
    }

    func scaled(_ k: Double) -> AffineForm {
        AffineForm(constant: constant * .exactly(k), terms: terms.mapValues { $0 * k })
    }

    /// Every value of the form, given each name's range.
    func bounds(_ atoms: [String: Bounds]) -> Bounds {
        terms.reduce(constant) { sum, term in
            term.value == 0 ? sum : sum + (atoms[term.key] ?? .unbounded) * .exactly(term.value)
        }
    }
}

extension ProofAnalysis.Resolver {
    /// Decides `lhs OP rhs` through the affine form of `lhs - rhs`; unknown when that fails too.
    func affineTruth(_ condition: Expr) -> Truth {
        guard case .binary(let op, let lhs, let rhs) = condition.kind, let cmp = ComparisonOp(op) else {
            if case .paren(let inner) = condition.kind { return affineTruth(inner) }
            return .unknown
        }
        let difference = form(lhs, depth: 0) + form(rhs, depth: 0).scaled(-1)
        return Bounds.compare(cmp, difference.bounds(memo.atoms), .exactly(0))
    }

    /// The affine form of an expression; anything non-linear becomes a constant interval.
    func form(_ e: Expr, depth: Int) -> AffineForm {
        let plain = AffineForm(constant: evaluator(depth: depth).bounds(e))
        guard depth < ProofAnalysis.maxChainDepth else { return plain }
        switch e.kind {
        case .paren(let inner): return form(inner, depth: depth + 1)
        case .unary(.negate, let inner): return form(inner, depth: depth + 1).scaled(-1)
        case .binary(.add, let a, let b):
            return form(a, depth: depth + 1) + form(b, depth: depth + 1)
        case .binary(.subtract, let a, let b):
            return form(a, depth: depth + 1) + form(b, depth: depth + 1).scaled(-1)
        case .binary(.multiply, let a, let b):
            if let k = evaluator(depth: depth).bounds(a).constant { return form(b, depth: depth + 1).scaled(k) }
            if let k = evaluator(depth: depth).bounds(b).constant { return form(a, depth: depth + 1).scaled(k) }
            return plain
        case .binary(.divide, let a, let b):
            guard let k = evaluator(depth: depth).bounds(b).constant, k != 0 else { return plain }
            return form(a, depth: depth + 1).scaled(1 / k)
        case .name(let n): return nameForm(n, plain: plain, depth: depth)
        default: return plain
        }
    }

    /// A name set by a single `=` expands to its definition; a name whose value is a range
    /// becomes a shared term, so that both sides of a comparison refer to the same quantity.
    private func nameForm(_ n: String, plain: AffineForm, depth: Int) -> AffineForm {
        if plain.constant.constant != nil { return plain }
        if let known = memo.forms[n] { return known }
        let result = expandedForm(n, plain: plain, depth: depth)
        memo.forms[n] = result
        return result
    }

    private func expandedForm(_ n: String, plain: AffineForm, depth: Int) -> AffineForm {
        let chain = instance.chain(n)
        if chain.count == 1, chain[0].op == .set, instance.adjustments(n).isEmpty {
            let expanded = form(chain[0].value, depth: depth + 1)
            if !expanded.terms.isEmpty { return expanded }
        }
        memo.atoms[n] = plain.constant
        return AffineForm(constant: .exactly(0), terms: [n: 1])
    }
}
