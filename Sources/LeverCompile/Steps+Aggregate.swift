import LeverNumerics

/// A fold over one account's positions, as a type so that each aggregate loop is specialised for
/// its kind: the per-position loop then holds no switch on the kind and no optional filter.
///
/// Undefined is never skipped: an undefined value that is counted, or an undefined filter
/// (the position may or may not count), leaves the result undefined. Sums get that from the
/// arithmetic itself (NaN and the fixed-point invalid value propagate through `+`), so their
/// loops stay as tight as before; extremes track it, since a comparison would skip a NaN.
protocol Fold<N> {
    associatedtype N: MarginNumber
    init()
    /// Folds `v` in (no filter).
    mutating func add(_ v: N)
    /// Folds `v` in where the filter `w` holds (non-zero), not where it is 0.
    mutating func add(_ v: N, filter w: N)
    /// The result; 0 when nothing was folded in (a sum over nothing; `max` of no exposure is none).
    var value: N { get }
}

/// `w − w`: 0 for a defined filter, undefined for an undefined one. Added to a running total,
/// it makes the total undefined exactly when a filter was, with no branch in the loop.
@inline(__always) func poison<N: MarginNumber>(_ w: N) -> N { w - w }

/// `sum`: adds `w ≠ 0 ? v : 0`, a select rather than a branch. Byte-identical to skipping: the
/// total starts at +0 and so is never −0, and adding +0 to anything else leaves it unchanged.
struct SumFold<N: MarginNumber>: Fold {
    var total = N.zero
    @inline(__always) mutating func add(_ v: N) { total = total + v }
    @inline(__always) mutating func add(_ v: N, filter w: N) { total = total + (isTrue(w) ? v : N.zero) + poison(w) }
    var value: N { total }
}

/// `count`: the positions that pass the filter (branch-free, as `SumFold`); their values do not matter.
struct CountFold<N: MarginNumber>: Fold {
    var total = N.zero
    @inline(__always) mutating func add(_ v: N) { total = total + N.one }
    @inline(__always) mutating func add(_ v: N, filter w: N) { total = total + (isTrue(w) ? N.one : N.zero) + poison(w) }
    var value: N { total }
}

/// `avg`: the sum over the count, 0 for no position.
struct AverageFold<N: MarginNumber>: Fold {
    var total = N.zero, seen = 0
    @inline(__always) mutating func add(_ v: N) {
        total = total + v
        seen &+= 1
    }
    @inline(__always) mutating func add(_ v: N, filter w: N) {
        let keep = isTrue(w)
        total = total + (keep ? v : N.zero) + poison(w)
        seen &+= keep ? 1 : 0
    }
    var value: N { seen > 0 ? total / N(seen) : total }
}

/// `max` (`Greater` is `true`) or `min`: the first kept value, then any that beats it; undefined
/// once an undefined value is kept or a filter is undefined.
struct ExtremumFold<N: MarginNumber, Greater: ExtremumDirection>: Fold {
    var best = N.zero, seen = false, known = true
    @inline(__always) mutating func add(_ v: N) {
        if !seen || Greater.beats(v, best) { best = v }
        seen = true
        known = known && v.isValid
    }
    @inline(__always) mutating func add(_ v: N, filter w: N) {
        let keep = isTrue(w)
        if keep && (!seen || Greater.beats(v, best)) { best = v }
        seen = seen || keep
        known = known && w.isValid && (!keep || v.isValid)
    }
    var value: N { known ? best : undefined() }
}

/// `bits`: the OR of the kept values, each a whole number below 2^52 (one bit per group);
/// undefined once an undefined value is kept or a filter is undefined.
struct BitsFold<N: MarginNumber>: Fold {
    var bits: UInt64 = 0, known = true
    @inline(__always) mutating func add(_ v: N) {
        let d = v.doubleValue
        if d.isNaN { known = false } else { bits |= UInt64(max(0, min(d, 4_503_599_627_370_495))) }
    }
    @inline(__always) mutating func add(_ v: N, filter w: N) {
        if !w.isValid { known = false } else if isTrue(w) { add(v) }
    }
    var value: N { known ? N(Int(bits)) : undefined() }
}

/// Which way an extremum goes, as a type (see `ExtremumFold`).
protocol ExtremumDirection { static func beats<N: MarginNumber>(_ v: N, _ best: N) -> Bool }
enum Largest: ExtremumDirection { @inline(__always) static func beats<N: MarginNumber>(_ v: N, _ best: N) -> Bool { v > best } }
enum Smallest: ExtremumDirection { @inline(__always) static func beats<N: MarginNumber>(_ v: N, _ best: N) -> Bool { v < best } }

extension Steps {
    /// Per account, folds its positions' values where the filter holds, with one loop per kind.
    static func aggregate(_ kind: AggregateKind, _ a: Operand, filter: Operand?, out: Int,
                          next: @escaping Step<N>) -> Step<N> {
        switch kind {
        case .sum: aggregate(SumFold<N>.self, a, filter: filter, out: out, next: next)
        case .count: aggregate(CountFold<N>.self, a, filter: filter, out: out, next: next)
        case .avg: aggregate(AverageFold<N>.self, a, filter: filter, out: out, next: next)
        case .max: aggregate(ExtremumFold<N, Largest>.self, a, filter: filter, out: out, next: next)
        case .min: aggregate(ExtremumFold<N, Smallest>.self, a, filter: filter, out: out, next: next)
        case .bits: aggregate(BitsFold<N>.self, a, filter: filter, out: out, next: next)
        }
    }

    /// The loop for one fold, with and without a filter.
    static func aggregate<F: Fold>(_: F.Type, _ a: Operand, filter: Operand?, out: Int,
                                   next: @escaping Step<N>) -> Step<N> where F.N == N {
        let (an, sa) = (a.node, a.stride)
        guard let filter else {
            return { e in
                let x = e.pointee.columns[an], z = e.pointee.columns[out], start = e.pointee.accountStart
                for acc in 0..<e.pointee.counts.account {
                    var fold = F()
                    for p in Int(start[acc])..<Int(start[acc + 1]) { fold.add(x[p &* sa]) }
                    z[acc] = fold.value
                }
                next(e)
            }
        }
        let (fn, fs) = (filter.node, filter.stride)
        return { e in
            let x = e.pointee.columns[an], f = e.pointee.columns[fn], z = e.pointee.columns[out]
            let start = e.pointee.accountStart
            for acc in 0..<e.pointee.counts.account {
                var fold = F()
                for p in Int(start[acc])..<Int(start[acc + 1]) { fold.add(x[p &* sa], filter: f[p &* fs]) }
                z[acc] = fold.value
            }
            next(e)
        }
    }
}
