import LeverNumerics
import Lever
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Generates a derivatives desk's book for `Rules/portfolio_margin.lever`, seeded and
/// deterministic: every account holds USDC, and now and then spot, perpetuals (long or short,
/// entered off the current price) and options (calls and puts, long and short, strikes from
/// 80 % to 120 % of the price, a week to half a year out) on BTC and ETH, with now and then a
/// USDC loan. Sizes are log-uniform, so some accounts are concentrated; one in two hundred is a
/// whale whose spot takes days to exit.
public struct PortfolioBookGenerator: Sendable {
    public var seed: UInt64

    /// A generator; `seed` fixes every account.
    public init(seed: UInt64 = BookGenerator.defaultSeed) { self.seed = seed }

    /// `count` accounts over `market`; nil when it lacks a priced BTC, ETH or USDC, or an `as_of`
    /// to date the options from.
    public func book(accounts count: Int, market: MarketSnapshot) -> Book? {
        let prices = ["BTC", "ETH", "USDC"].map { market[$0]?.price ?? 0 }
        guard let asOf = market.asOf, prices.allSatisfy({ $0 > 0 }) else { return nil }
        var rng = SplitMix64(seed: seed)
        return Book(accounts: (0..<count).map { n in
            account(id: BookGenerator.id(n + 1), btc: prices[0], eth: prices[1], asOf: asOf, rng: &rng)
        })
    }

    func account(id: String, btc: Double, eth: Double, asOf: Timestamp, rng: inout SplitMix64) -> Account {
        func logUniform(_ lo: Double, _ hi: Double) -> Double { exp(rng.uniform(log(lo), log(hi))) }
        var positions: [Position] = [.spot(.init(asset: "USDC", quantity: logUniform(1e4, 5e6), venue: "Binance"))]
        var longSpot = 0.0
        // One account in two hundred is a whale, whose spot takes days to exit.
        let whale = rng.unit() < 0.005
        for (asset, price) in [("BTC", btc), ("ETH", eth)] {
            if rng.unit() < 0.7 {
                let notional = whale ? logUniform(1e10, 5e10) : logUniform(1e4, 2e7)
                longSpot += notional
                positions.append(.spot(.init(asset: asset, quantity: notional / price, venue: "Binance")))
            }
            if rng.unit() < 0.5 {
                let size = logUniform(1e4, 1e7) / price * (rng.unit() < 0.5 ? 1 : -1)
                positions.append(.perpetual(.init(asset: asset, size: size, entryPrice: price * rng.uniform(0.95, 1.05),
                                                  venue: "Deribit")))
            }
        }
        for _ in 0..<rng.below(4) {
            let (asset, price) = rng.unit() < 0.6 ? ("BTC", btc) : ("ETH", eth)
            let strike = price * [0.8, 0.9, 1.0, 1.1, 1.2][rng.below(5)]
            let days = [7.0, 30, 90, 180][rng.below(4)]
            let size = logUniform(1e4, 5e6) / price * (rng.unit() < 0.6 ? 1 : -1)
            positions.append(.option(.init(underlying: asset, right: rng.unit() < 0.5 ? .call : .put, strike: strike,
                                           expiry: Timestamp(secondsSinceEpoch: asOf.secondsSinceEpoch + days * 86_400),
                                           size: size, venue: "Deribit")))
        }
        if rng.unit() < 0.3, longSpot > 0 {
            positions.append(.spot(.init(asset: "USDC", quantity: -longSpot * rng.uniform(0.1, 0.7), venue: "Binance")))
        }
        return Account(id: id, score: 700, positions: positions)
    }
}
