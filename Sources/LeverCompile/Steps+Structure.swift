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

    /// Options only (kind 2): the kernel works in `Double` (exact modes never price options).
    /// Every operand is per position except the rate and the yield, which are per asset.
    static func optionModel(_ output: OptionOutput, _ o: [Operand], out: Int, next: @escaping Step<N>) -> Step<N> {
        let (kind, right, spot, strike, years, vol, rate, yield) = (o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7])
        return { e in
            let n = e.pointee.counts.position, z = e.pointee.columns[out]
            let kinds = e.pointee.columns[kind.node], two = N(2), ks = kind.stride
            let asset = e.pointee.positionAsset
            func at(_ x: Operand, _ i: Int) -> Double { e.pointee.columns[x.node][i &* x.stride].doubleValue }
            // Rate and yield are per asset (or one value): read through the position's asset.
            func perAsset(_ x: Operand, _ i: Int) -> Double { e.pointee.columns[x.node][Int(asset[i]) &* x.stride].doubleValue }
            // Most positions are not options: the kind test reads one hoisted column, in N.
            for i in 0..<n {
                guard kinds[i &* ks] == two else { z[i] = N.zero; continue }
                z[i] = N(approximating: OptionKernel.value(output, isCall: at(right, i) == 0, spot: at(spot, i), strike: at(strike, i),
                                                           years: at(years, i), vol: at(vol, i),
                                                           rate: perAsset(rate, i), yield: perAsset(yield, i)))
            }
            next(e)
        }
    }
}
