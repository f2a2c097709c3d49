import LeverNumerics

extension Steps {
    static func pick(_ a: Int, asset: Int, out: Int, next: @escaping Step<N>) -> Step<N> {
        return { e in
            e.pointee.columns[out][0] = asset < e.pointee.counts.asset ? e.pointee.columns[a][asset] : N(approximating: .nan)
            next(e)
        }
    }

    static func gather(_ a: Int, out: Int, next: @escaping Step<N>) -> Step<N> {
        return { e in
            let n = e.pointee.counts.position, x = e.pointee.columns[a], z = e.pointee.columns[out]
            let asset = e.pointee.positionAsset
            for i in 0..<n { z[i] = x[Int(asset[i])] }
            next(e)
        }
    }

    static func broadcast(_ a: Int, out: Int, next: @escaping Step<N>) -> Step<N> {
        return { e in
            let accounts = e.pointee.counts.account, x = e.pointee.columns[a], z = e.pointee.columns[out]
            let start = e.pointee.accountStart
            for acc in 0..<accounts {
                let v = x[acc]
                for p in Int(start[acc])..<Int(start[acc + 1]) { z[p] = v }
            }
            next(e)
        }
    }

    /// `out[i] = cases[caseOf[key(i)]][i]`, or the fallback where the key has no case.
    static func cases(_ key: CaseKey, caseOf: [Int32], cases: [Operand], fallback: Operand, out: Int,
                      domain: Domain, next: @escaping Step<N>) -> Step<N> {
        let nodes = cases.map(\.node), strides = cases.map(\.stride)
        return { e in
            let n = e.pointee.count(domain), z = e.pointee.columns[out]
            let fb = e.pointee.columns[fallback.node], fs = fallback.stride
            let keys: UnsafePointer<Int32>? = domain == .asset ? nil
                : (key == .asset ? e.pointee.positionAsset : e.pointee.positionVenue)
            for i in 0..<n {
                let k = keys.map { Int($0[i]) } ?? i
                let c = k >= 0 && k < caseOf.count ? Int(caseOf[k]) : -1
                z[i] = c < 0 ? fb[i &* fs] : e.pointee.columns[nodes[c]][i &* strides[c]]
            }
            next(e)
        }
    }

    /// Per account, folds its positions' values where the filter holds. An account with no
    /// matching position gets 0 for every kind (a sum over nothing; `max` of no exposure is none).
    static func aggregate(_ kind: AggregateKind, _ a: Operand, filter: Operand?, out: Int,
                          next: @escaping Step<N>) -> Step<N> {
        return { e in
            let accounts = e.pointee.counts.account, x = e.pointee.columns[a.node], z = e.pointee.columns[out]
            let start = e.pointee.accountStart, sa = a.stride
            let f = filter.map { e.pointee.columns[$0.node] }, fs = filter?.stride ?? 0
            for acc in 0..<accounts {
                var total = N.zero, seen = 0
                for p in Int(start[acc])..<Int(start[acc + 1]) {
                    if let f, !isTrue(f[p &* fs]) { continue }
                    let v = x[p &* sa]
                    switch kind {
                    case .sum, .avg: total = total + v
                    case .count: total = total + N.one
                    case .max: total = seen == 0 || v > total ? v : total
                    case .min: total = seen == 0 || v < total ? v : total
                    }
                    seen += 1
                }
                z[acc] = kind == .avg && seen > 0 ? total / N(seen) : total
            }
            next(e)
        }
    }

    /// Options only (kind 2): the kernel works in `Double` (exact modes never price options).
    static func optionPrice(_ o: [Operand], out: Int, next: @escaping Step<N>) -> Step<N> {
        let (kind, right, spot, strike, years, vol) = (o[0], o[1], o[2], o[3], o[4], o[5])
        return { e in
            let n = e.pointee.counts.position, z = e.pointee.columns[out]
            func at(_ x: Operand, _ i: Int) -> Double { e.pointee.columns[x.node][i &* x.stride].doubleValue }
            for i in 0..<n {
                guard at(kind, i) == 2 else { z[i] = N.zero; continue }
                z[i] = N(approximating: OptionKernel.price(isCall: at(right, i) == 0, spot: at(spot, i), strike: at(strike, i),
                                                           years: at(years, i), vol: at(vol, i)))
            }
            next(e)
        }
    }

    static func tableRow(_ table: TablePlan, keys: [Operand], out: Int, domain: Domain,
                         next: @escaping Step<N>) -> Step<N> {
        let matcher = TableMatcher<N>(table)
        let nodes = keys.map(\.node), strides = keys.map(\.stride)
        return { e in
            let n = e.pointee.count(domain), z = e.pointee.columns[out]
            for i in 0..<n {
                let row = matcher.firstRow { column in e.pointee.columns[nodes[column]][i &* strides[column]] }
                z[i] = N(row)
            }
            next(e)
        }
    }

    static func tableField(_ row: Operand, values: [Double], out: Int, domain: Domain,
                           next: @escaping Step<N>) -> Step<N> {
        let table = values.map { N(approximating: $0) }
        let missing = N(approximating: .nan)
        return { e in
            let n = e.pointee.count(domain), r = e.pointee.columns[row.node], z = e.pointee.columns[out]
            for i in 0..<n {
                let k = Int(r[i &* row.stride].doubleValue)
                z[i] = k >= 0 && k < table.count ? table[k] : missing
            }
            next(e)
        }
    }
}

/// A decision table's matchers in the evaluation's number type.
struct TableMatcher<N: MarginNumber>: Sendable {
    enum Cell: Sendable {
        case interval(lower: N, upper: N, lowerClosed: Bool, upperClosed: Bool)
        case values([N])
        case any
    }
    let rows: [[Cell]]

    init(_ plan: TablePlan) {
        rows = plan.rows.map { row in
            row.map { matcher in
                switch matcher {
                case .interval(let lo, let hi, let lc, let hc):
                    .interval(lower: N(approximating: lo), upper: N(approximating: hi), lowerClosed: lc, upperClosed: hc)
                case .values(let vs): .values(vs.map { N(approximating: $0) })
                case .any: .any
                }
            }
        }
    }

    /// The first row whose every cell matches, or −1. (`unique` tables are proved to have at
    /// most one matching row by the checker, so "first" is also "the" row.)
    @inline(__always)
    func firstRow(_ key: (Int) -> N) -> Int {
        rowLoop: for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() where !Self.matches(cell, key(c)) { continue rowLoop }
            return r
        }
        return -1
    }

    @inline(__always)
    static func matches(_ cell: Cell, _ x: N) -> Bool {
        switch cell {
        case .any: return true
        case .values(let vs): return vs.contains(x)
        case .interval(let lo, let hi, let lc, let hc):
            let aboveLower = lc ? x >= lo : x > lo
            let belowUpper = hc ? x <= hi : x < hi
            return aboveLower && belowUpper
        }
    }
}
