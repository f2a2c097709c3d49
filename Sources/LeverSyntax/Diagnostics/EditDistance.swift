/// Damerau–Levenshtein distance in its optimal-string-alignment form (insertions, deletions,
/// substitutions and transpositions of neighbours, each costing 1), computed only up to a bound.
///
/// A suggestion only ever needs to know whether two names are within a small distance, so the
/// table is computed in a band of `2 × bound + 1` cells around its diagonal (Ukkonen): a cell
/// further from the diagonal is more than `bound` away anyway. Only three rows are kept, and the
/// computation stops at the first row whose every cell exceeds the bound, because no later row
/// can come back under it. The cost is at most `min(a, b) × (2 × bound + 1)` steps and
/// `3 × (b + 2)` integers, instead of `a × b` of both.
enum EditDistance {
    /// The distance between `a` and `b` when it is at most `bound`, else nil. `rows` is scratch
    /// space reused from one call to the next; `work` grows by the number of cells computed.
    static func bounded(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, bound: Int,
                        rows: inout [Int], work: inout Int) -> Int? {
        let m = a.count, n = b.count
        guard bound >= 0, abs(m - n) <= bound else { return nil }
        if m == 0 || n == 0 { return max(m, n) }
        // Cells are only ever read inside the band of the rows already computed or at the
        // boundary cells set to `beyond` on each side of it, so the rows need no clearing:
        // anything above the bound is as good as infinity.
        let beyond = bound + 1
        let width = n + 2
        if rows.count < 3 * width { rows = [Int](repeating: beyond, count: 3 * width) }
        return rows.withUnsafeMutableBufferPointer { d -> Int? in
            for j in 0...min(n, bound) { d[j] = j }
            if bound < n { d[bound + 1] = beyond }
            for i in 1...m {
                // Row i lives at (i mod 3); rows i − 1 and i − 2 are the two others.
                let cur = (i % 3) * width, prev = ((i + 2) % 3) * width, prev2 = ((i + 1) % 3) * width
                let lo = max(1, i - bound), hi = min(n, i + bound)
                d[cur] = i <= bound ? i : beyond
                if lo > 1 { d[cur + lo - 1] = beyond }
                var rowMin = d[cur]
                let x = a[i - 1]
                for j in lo...hi {
                    let y = b[j - 1]
                    var v = min(d[prev + j] + 1, d[cur + j - 1] + 1, d[prev + j - 1] + (x == y ? 0 : 1))
                    if i > 1, j > 1, x == b[j - 2], a[i - 2] == y { v = min(v, d[prev2 + j - 2] + 1) }
                    v = min(v, beyond)
                    d[cur + j] = v
                    rowMin = min(rowMin, v)
                }
                if hi < n { d[cur + hi + 1] = beyond }
                work += hi - lo + 1
                // Every path to the last cell crosses this row, and a transposition that skips
                // it comes from a cell of the row before that is within 1 of a cell of this one.
                if rowMin > bound { return nil }
            }
            let v = d[(m % 3) * width + n]
            return v <= bound ? v : nil
        }
    }
}
