import LeverNumerics

/// A fold over one account's positions, as a type so that each aggregate loop is specialised for
/// its kind: the per-position loop then holds no switch on the kind and no optional filter.
protocol Fold<N> {
    associatedtype N: MarginNumber
    init()
    /// Folds `v` in when `keep` (the filter's verdict; always true without a filter).
    mutating func add(_ v: N, if keep: Bool)
    /// The result; 0 when nothing was folded in (a sum over nothing; `max` of no exposure is none).
    var value: N { get }
}

/// `sum`: adds `keep ? v : 0`, a select rather than a branch. Byte-identical to skipping: the
/// total starts at +0 and so is never −0, and adding +0 to anything else leaves it unchanged.
struct SumFold<N: MarginNumber>: Fold {
    var total = N.zero
    @inline(__always) mutating func add(_ v: N, if keep: Bool) { total = total + (keep ? v : N.zero) }
    var value: N { total }
}

/// `count`: the positions that pass the filter (branch-free, as `SumFold`).
struct CountFold<N: MarginNumber>: Fold {
    var total = N.zero
    @inline(__always) mutating func add(_ v: N, if keep: Bool) { total = total + (keep ? N.one : N.zero) }
    var value: N { total }
}

/// `avg`: the sum over the count, 0 for no position.
struct AverageFold<N: MarginNumber>: Fold {
    var total = N.zero, seen = 0
    @inline(__always) mutating func add(_ v: N, if keep: Bool) {
        total = total + (keep ? v : N.zero)
        seen &+= keep ? 1 : 0
    }
    var value: N { seen > 0 ? total / N(seen) : total }
}

/// `max` (`Greater` is `true`) or `min`: the first kept value, then any that beats it.
struct ExtremumFold<N: MarginNumber, Greater: ExtremumDirection>: Fold {
    var best = N.zero, seen = false
    @inline(__always) mutating func add(_ v: N, if keep: Bool) {
        if keep && (!seen || Greater.beats(v, best)) { best = v }
        seen = seen || keep
    }
    var value: N { best }
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
                    var known = true
                    for p in Int(start[acc])..<Int(start[acc + 1]) {
                        let v = x[p &* sa]
                        fold.add(v, if: true)
                        known = known && v.isValid
                    }
                    z[acc] = known ? fold.value : undefined()
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
                var known = true
                for p in Int(start[acc])..<Int(start[acc + 1]) {
                    // A position whose filter is undefined may or may not count, and a counted
                    // position whose value is undefined leaves the total unknown: either makes
                    // the aggregate undefined (an extremum would otherwise skip a NaN silently).
                    let w = f[p &* fs], v = x[p &* sa], keep = w.isValid && isTrue(w)
                    fold.add(v, if: keep)
                    known = known && w.isValid && (!keep || v.isValid)
                }
                z[acc] = known ? fold.value : undefined()
            }
            next(e)
        }
    }
}
