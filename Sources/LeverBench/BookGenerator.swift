import LeverNumerics
import Lever
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Generates a book with the shared margin workload's shape, seeded and deterministic: the same
/// seed and size give the same accounts, byte for byte, on every run.
///
/// Shape (workload README): score an integer uniform in [350, 900]; 10 positions on 10 distinct
/// assets; the first 8 long with a notional log-uniform in [1e3, 2e7] USD; the last 2 borrowed,
/// together a U(0.15, 0.80) share of the long notional, split by a fraction U(0.1, 0.9). Not the
/// same numbers as the workload's `gen_data.py` (a different generator), the same distribution.
public struct BookGenerator: Sendable {
    /// The default seed (the workload's base seed).
    public static let defaultSeed: UInt64 = 20_250_101
    /// Positions per account, and how many of them are long.
    public static let positionsPerAccount = 10, longsPerAccount = 8

    public var seed: UInt64

    /// A generator; `seed` fixes every account.
    public init(seed: UInt64 = BookGenerator.defaultSeed) { self.seed = seed }

    /// `count` accounts over the priced assets of `market`, ids `acct-000001`…; nil when the
    /// market has fewer than 10 priced assets (an account holds 10 distinct ones).
    public func book(accounts count: Int, market: MarketSnapshot) -> Book? {
        var rng = SplitMix64(seed: seed)
        let quotes = market.assets.filter { ($0.price ?? 0) > 0 }
        guard quotes.count >= Self.positionsPerAccount else { return nil }
        return Book(accounts: (0..<count).map { account(number: $0 + 1, quotes: quotes, rng: &rng) })
    }

    func account(number: Int, quotes: [AssetQuote], rng: inout SplitMix64) -> Account {
        let score = Double(350 + rng.below(551))
        let picked = Self.distinct(Self.positionsPerAccount, of: quotes.count, rng: &rng)
        var positions: [Position] = []
        positions.reserveCapacity(Self.positionsPerAccount)
        var longNotional = 0.0
        for k in picked.prefix(Self.longsPerAccount) {
            let notional = exp(rng.uniform(log(1e3), log(2e7)))
            longNotional += notional
            positions.append(.spot(.init(asset: quotes[k].symbol, quantity: notional / (quotes[k].price ?? 1))))
        }
        let debt = longNotional * rng.uniform(0.15, 0.80)
        let split = rng.uniform(0.1, 0.9)
        for (k, share) in zip(picked.suffix(2), [split, 1 - split]) {
            positions.append(.spot(.init(asset: quotes[k].symbol, quantity: -(debt * share) / (quotes[k].price ?? 1))))
        }
        return Account(id: Self.id(number), score: score, positions: positions)
    }

    /// `k` distinct indices in `0..<n`, in draw order (a partial Fisher–Yates shuffle).
    static func distinct(_ k: Int, of n: Int, rng: inout SplitMix64) -> [Int] {
        var pool = Array(0..<n)
        for i in 0..<k { pool.swapAt(i, i + rng.below(n - i)) }
        return Array(pool.prefix(k))
    }

    /// `acct-000042`: the workload files' id form.
    static func id(_ number: Int) -> String {
        let digits = String(number)
        return "acct-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
