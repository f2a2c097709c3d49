import Dispatch
import LeverNumerics

/// `Rules/portfolio_margin.lever` written by hand in Swift, as a desk would code it: per account,
/// each position valued now and in each of the risk array's 16 scenarios (options revalued in
/// full by Black–Scholes–Merton), the account's worst weighted loss and each position's, the
/// net delta and liquidity per underlying, the basis loss, rate exposure and open-interest share,
/// the requirement, health, status and flags.
public enum PortfolioBaseline {
    /// The scenarios in the policy's order: a major's price move, its mark's (with the price, but
    /// for the basis scenario), its vol move, the weight.
    static let scenarios: [(price: Double, mark: Double, vol: Double, weight: Double)] = {
        typealias Move = (price: Double, mark: Double, vol: Double, weight: Double)
        let moves: [Double] = [-0.15, -0.10, -0.05, 0, 0.05, 0.10, 0.15]
        var out: [Move] = []
        for p in moves {
            out.append((1 + p, 1 + p, 1.25, 1))
            out.append((1 + p, 1 + p, 0.75, 1))
        }
        let extremes: [Move] = [(0.70, 0.70, 1, 0.35), (1.30, 1.30, 1, 0.35), (1, 0.90, 1, 1)]
        return out + extremes
    }()
    /// The basis scenario's index (`basis_down`: only the mark moves).
    static let basis = scenarios.count - 1

    /// Evaluates every account; the same results at any thread count.
    public static func evaluate(_ layout: PortfolioLayout, threads: Int = 1) -> PortfolioResults {
        let out = PortfolioColumns(count: layout.accountCount)
        defer { out.deallocate() }
        let chunks = WorkloadBaseline.split(layout.accountCount, into: max(1, threads))
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in accounts(chunks[c], layout, out) }
        return out.results()
    }

    static func accounts(_ range: Range<Int>, _ l: PortfolioLayout, _ out: PortfolioColumns) {
        let n = scenarios.count
        // Per scenario: the account's collateral, debt, perpetual PnL and option value in the
        // shocked market (summed apart, as equity is defined: collateral + PnL + options − debt).
        var shocked = [Double](repeating: 0, count: 4 * n)
        shocked.withUnsafeMutableBufferPointer { shocked in
            for a in range {
                for i in 0..<(4 * n) { shocked[i] = 0 }
                var exposure = (0.0, 0.0, 0.0), exit = (0.0, 0.0, 0.0)
                var collateral = 0.0, pnl = 0.0, options = 0.0, debt = 0.0, standalone = 0.0, rateExposure = 0.0, oiShare = 0.0
                var flags: UInt8 = 0
                for p in Int(l.accountStart[a])..<Int(l.accountStart[a + 1]) {
                    let k = Int(l.asset[p]), q = l.quantity[p], price = l.price[k], kind = l.kind[p]
                    let major = PortfolioLayout.major[k]
                    // Value now: spot at the price, a perpetual its PnL at the mark, an option its model value.
                    var now = 0.0, delta = 0.0
                    switch kind {
                    case 0: now = q * price
                    case 1:
                        now = q * (l.mark[k] - l.entry[p])
                        oiShare = max(oiShare, abs(q * l.mark[k]) / l.openInterest[k])
                    default:
                        let v = BlackScholesMerton.values(isCall: l.isCall[p] == 1, spot: price, strike: l.strike[p], years: l.years[p],
                                                          vol: l.vol[k], rate: l.rate[k], yield: l.yield[k])
                        (now, delta) = (q * v.price, v.delta)
                        rateExposure += v.rho * q
                        if q < 0 { flags |= 1 << UInt8(3 + k) }
                    }
                    // Which of equity's four sums it belongs to: collateral, debt, PnL, options.
                    let slot = kind == 0 ? (q > 0 ? 0 : 1) : (kind == 1 ? 2 : 3)
                    switch slot {
                    case 0: collateral += now
                    case 1: debt += -now
                    case 2: pnl += now
                    default: options += now
                    }
                    // Net delta in USD by underlying: an option counts its delta, spot and perpetuals their size.
                    let d = (kind == 2 ? delta * q : q) * price
                    add(&exposure, k, d)
                    add(&exit, k, d / l.adv[k])
                    // Each scenario moves a major's price (and the mark with it) and vol; a stablecoin stays.
                    var worst = 0.0
                    for s in 0..<n {
                        var value = now
                        if major {
                            let f = scenarios[s].price
                            switch kind {
                            case 0: value = q * (price * f)
                            case 1: value = q * (l.mark[k] * scenarios[s].mark - l.entry[p])
                            default:
                                value = q * BlackScholesMerton.values(
                                    isCall: l.isCall[p] == 1, spot: price * f, strike: l.strike[p], years: l.years[p],
                                    vol: l.vol[k] * scenarios[s].vol, rate: l.rate[k], yield: l.yield[k]).price
                            }
                        }
                        shocked[4 * s + slot] += slot == 1 ? -value : value
                        worst = max(worst, scenarios[s].weight * (now - value))
                    }
                    standalone += worst
                }
                let equity = collateral + pnl + options - debt
                var worstLoss = 0.0, worstCode: UInt8 = 0, basisLoss = 0.0
                for s in 0..<n {
                    let then = shocked[4 * s] + shocked[4 * s + 2] + shocked[4 * s + 3] - shocked[4 * s + 1]
                    let loss = scenarios[s].weight * (equity - then)
                    if loss > worstLoss { (worstLoss, worstCode) = (loss, UInt8(s + 1)) }
                    if s == basis { basisLoss = equity - then }
                }
                let addon = 0.02 * (max(0, abs(exposure.0) - 5e6) + max(0, abs(exposure.1) - 5e6) + max(0, abs(exposure.2) - 5e6))
                let days = max(abs(exit.0), abs(exit.1), abs(exit.2)) / 365
                let maintenance = worstLoss + addon
                let owed = debt + maintenance
                let health = owed <= 0 ? Double.infinity : (collateral + pnl + options) / owed
                if addon > 0 { flags |= 1 << 6 }
                if days > 1.0 / 365 { flags |= 1 << 7 }
                let c = out.numbers
                c[0][a] = equity; c[1][a] = worstLoss; c[2][a] = standalone; c[3][a] = addon; c[4][a] = days
                c[5][a] = maintenance; c[6][a] = 1.5 * maintenance; c[7][a] = standalone + addon - maintenance; c[8][a] = health
                c[9][a] = basisLoss; c[10][a] = rateExposure; c[11][a] = oiShare
                out.worst[a] = worstCode
                out.status[a] = health < 1 ? 2 : (health < 1.2 ? 1 : 0)
                out.flags[a] = flags
            }
        }
    }

    @inline(__always)
    static func add(_ t: inout (Double, Double, Double), _ k: Int, _ x: Double) {
        switch k {
        case 0: t.0 += x
        case 1: t.1 += x
        default: t.2 += x
        }
    }
}

/// The per-account result buffers every thread writes its own range of: the numbers in
/// `PortfolioResults.numberFields` order (equity, worst loss, standalone, add-on, days to exit,
/// maintenance, initial, saving, health, basis loss, rate exposure, open-interest share), then
/// the codes.
struct PortfolioColumns: @unchecked Sendable {
    let count: Int
    let numbers: [UnsafeMutablePointer<Double>]
    let worst: UnsafeMutablePointer<UInt8>, status: UnsafeMutablePointer<UInt8>, flags: UnsafeMutablePointer<UInt8>

    init(count: Int) {
        self.count = count
        let n = max(count, 1)
        numbers = PortfolioResults.numberFields.map { _ in .allocate(capacity: n) }
        (worst, status, flags) = (.allocate(capacity: n), .allocate(capacity: n), .allocate(capacity: n))
    }

    func results() -> PortfolioResults {
        func array<T>(_ p: UnsafeMutablePointer<T>) -> [T] { Array(UnsafeBufferPointer(start: p, count: count)) }
        let columns = Dictionary(uniqueKeysWithValues: zip(PortfolioResults.numberFields, numbers.map(array)))
        return PortfolioResults(numbers: columns, worstScenario: array(worst), status: array(status), flags: array(flags))
    }

    func deallocate() {
        numbers.forEach { $0.deallocate() }
        worst.deallocate(); status.deallocate(); flags.deallocate()
    }
}
