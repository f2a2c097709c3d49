import LeverNumerics

extension Steps {
    /// `out[i] = cases[caseOf[key(i)]][i]`, or the fallback where the key has no case.
    ///
    /// The key → source lookup is one table read and one unsigned compare per element: slot
    /// `k + 1` holds the source of key value `k`, with the fallback last among the sources and in
    /// slot 0 (key −1: no venue), so the loop has no optional, no −1 test and no nested branch.
    static func cases(_ key: CaseKey, caseOf: [Int32], cases: [Operand], fallback: Operand, out: Int,
                      domain: Domain, next: @escaping Step<N>) -> Step<N> {
        let sources = OperandList<N>(cases + [fallback])
        let fallbackSource = Int32(cases.count)
        let slots = [fallbackSource] + caseOf.map { $0 < 0 ? fallbackSource : $0 }
        return { e in
            let n = e.pointee.count(domain), z = e.pointee.columns[out]
            let keys: UnsafePointer<Int32>? = domain == .asset ? nil
                : (key == .asset ? e.pointee.positionAsset : e.pointee.positionVenue)
            sources.withBases(e) { bases in
                slots.withUnsafeBufferPointer { slot in
                    @inline(__always) func source(_ k: Int) -> Int {
                        let j = k &+ 1
                        return UInt(bitPattern: j) < UInt(slot.count) ? Int(slot[j]) : Int(fallbackSource)
                    }
                    if let keys {
                        for i in 0..<n { z[i] = sources.value(bases, source(Int(keys[i])), i) }
                    } else {
                        for i in 0..<n { z[i] = sources.value(bases, source(i), i) }
                    }
                }
            }
            next(e)
        }
    }
}
