import Lever

/// The market `lever bench` runs `Rules/portfolio_margin.lever` on when no `--market` is given:
/// the policy's three assets with fresh prices, marks off the quote, open interest, a staking
/// yield on ETH, a 4 % rate and each asset's 30-day average daily volume, built in so the benchmark runs from a
/// fresh clone with no file at all.
public enum PortfolioMarket {
    /// When the snapshot was taken; every price and input is observed then.
    public static let asOf = Timestamp(secondsSinceEpoch: 1_796_083_200)  // 2026-12-01T00:00:00Z

    /// Symbol, price, vol, mark price, dividend yield, 30-day average daily volume and open
    /// interest (USD).
    static let rows: [(String, Double, Double, Double?, Double?, Double, Double?)] = [
        ("BTC", 100_000, 0.6, 100_050, nil, 2e10, 8e9),
        ("ETH", 4_000, 0.7, 3_998, 0.03, 1.5e10, 4e9),
        ("USDC", 1, 0.01, nil, nil, 5e10, nil),
    ]

    /// The snapshot.
    public static var snapshot: MarketSnapshot {
        MarketSnapshot(asOf: asOf, assets: rows.map { symbol, price, vol, mark, yield, adv, openInterest in
            var quote = AssetQuote(symbol: symbol, price: price, priceTime: asOf, vol: vol, dividendYield: yield)
            quote.perp.markPrice = mark
            quote.perp.openInterest = openInterest
            quote.inputs = ["adv_30d": adv]
            quote.inputsTime = asOf
            return quote
        }, riskFreeRate: 0.04)
    }
}
