import Dispatch

/// The margin workload written by hand in Swift: the baseline `lever bench` measures the compiled
/// engine against. It is the workload README's spec, line for line, over `WorkloadLayout`.
///
/// Phase 1 runs once per call (per asset: haircut, liquidation threshold, borrow rate); phase 2
/// runs per account over flat arrays through `let` pointers (TOOLCHAIN.md §4: the 33 ns design).
public enum WorkloadBaseline {
    /// Evaluates every account; the same results at any thread count.
    public static func evaluate(_ layout: WorkloadLayout, threads: Int = 1) -> WorkloadResults {
        let assets = AssetTable(layout)
        defer { assets.deallocate() }
        let out = ResultColumns(count: layout.accountCount)
        defer { out.deallocate() }
        let chunks = split(layout.accountCount, into: max(1, threads))
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            accounts(chunks[c], layout: layout, assets: assets, out: out)
        }
        return out.results()
    }

    /// Phase 2 over `range`: tier, per-position haircuts, sums, health, status, interest.
    static func accounts(_ range: Range<Int>, layout: WorkloadLayout, assets: AssetTable, out: ResultColumns) {
        let start = layout.accountStart, asset = layout.asset, quantity = layout.quantity, price = layout.price
        for a in range {
            let (code, creditLine, discount) = tier(layout.score[a])
            let keep = 1 - discount
            var collateral = 0.0, power = 0.0, debt = 0.0, interest = 0.0
            for p in Int(start[a])..<Int(start[a + 1]) {
                let q = quantity[p], k = Int(asset[p])
                if q > 0 {
                    let notional = q * price[k]
                    let addOn = 0.01 * max(0, notional - 5_000_000) / 1_000_000
                    let value = notional * (1 - min(1, (assets.haircut[k] + addOn) * keep))
                    collateral += value
                    power += value * assets.threshold[k]
                } else if q < 0 {
                    let owed = -q * price[k]
                    debt += owed
                    interest += owed * assets.rate[k] / 8760
                }
            }
            let health = debt == 0 ? Double.infinity : (power + creditLine) / debt
            out.store(a, tier: code, collateral: collateral, debt: debt, health: health,
                      status: health < 1 ? 2 : (health < 1.1 ? 1 : 0), interest: interest)
        }
    }

    /// The credit tier table, first match wins: (code, credit line USD, haircut discount).
    @inline(__always)
    static func tier(_ score: Double) -> (UInt8, Double, Double) {
        if score >= 800 { return (0, 5_000_000, 0.20) }
        if score >= 650 { return (1, 1_000_000, 0.10) }
        if score >= 500 { return (2, 0, 0) }
        return (3, 0, -0.10)
    }

    static func split(_ count: Int, into parts: Int) -> [Range<Int>] {
        let size = (count + parts - 1) / parts
        guard size > 0 else { return [0..<0] }
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}

/// Phase 1: per asset, from the market only.
struct AssetTable: @unchecked Sendable {
    let haircut: UnsafeMutablePointer<Double>, threshold: UnsafeMutablePointer<Double>, rate: UnsafeMutablePointer<Double>

    init(_ layout: WorkloadLayout) {
        let n = max(layout.assetCount, 1)
        (haircut, threshold, rate) = (.allocate(capacity: n), .allocate(capacity: n), .allocate(capacity: n))
        for k in 0..<layout.assetCount {
            let h = min(max(2.33 * layout.vol[k] * 0.07402332101976053, layout.floor[k]), 1)  // sqrt(2/365)
            haircut[k] = h
            threshold[k] = max(0, 1 - h - 0.05)
            let u = layout.utilization[k]
            rate[k] = u <= 0.8 ? 0.04 * u / 0.8 : 0.04 + 0.75 * (u - 0.8) / (1 - 0.8)
        }
    }

    func deallocate() { [haircut, threshold, rate].forEach { $0.deallocate() } }
}

/// The per-account result buffers every thread writes its own range of.
struct ResultColumns: @unchecked Sendable {
    let count: Int
    let tier: UnsafeMutablePointer<UInt8>, status: UnsafeMutablePointer<UInt8>
    let collateral: UnsafeMutablePointer<Double>, debt: UnsafeMutablePointer<Double>
    let health: UnsafeMutablePointer<Double>, interest: UnsafeMutablePointer<Double>

    init(count: Int) {
        self.count = count
        let n = max(count, 1)
        (tier, status) = (.allocate(capacity: n), .allocate(capacity: n))
        (collateral, debt, health, interest) = (.allocate(capacity: n), .allocate(capacity: n), .allocate(capacity: n), .allocate(capacity: n))
    }

    @inline(__always)
    func store(_ a: Int, tier t: UInt8, collateral c: Double, debt d: Double, health h: Double, status s: UInt8, interest i: Double) {
        tier[a] = t; collateral[a] = c; debt[a] = d; health[a] = h; status[a] = s; interest[a] = i
    }

    func results() -> WorkloadResults {
        func array<T>(_ p: UnsafeMutablePointer<T>) -> [T] { Array(UnsafeBufferPointer(start: p, count: count)) }
        return WorkloadResults(tier: array(tier), collateral: array(collateral), debt: array(debt), health: array(health),
                               status: array(status), interest: array(interest))
    }

    func deallocate() {
        tier.deallocate(); status.deallocate()
        [collateral, debt, health, interest].forEach { $0.deallocate() }
    }
}
