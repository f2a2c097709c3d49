import Lever

/// A small lending policy (two tiers and one measure) with a market and book held in memory,
/// shared by the report tests.
///
/// ETH collateral value = 2000 × (1 − 20%) = 1600, weighted by the 80% threshold = 1280.
enum LendingFixture {
    static let policy = """
    policy "Hand-worked lending" version "1"
    input account.score in [0, 1000]
    class stable { liquidation_threshold = 90%; liquidation_bonus = 5% }
    class crypto { haircut = 20%; liquidation_threshold = 80%; liquidation_bonus = 10% }
    asset USDC : stable
    asset ETH : crypto
    margin {
      liquidate when health < 1
      margin_call when health < 1.1
      close_factor = if health < 0.95 then 100% else 50%
    }
    tiers by account.score {
      [600, 1000] -> Gold { credit_line = 0 USD }
      [0, 600)    -> Plain { credit_line = 0 USD }
    }
    measure positions_held per account = count(positions)
    """

    static let market = """
    {"as_of": "2026-11-25T12:00:00Z",
     "assets": {"USDC": {"price": 1, "vol": 0.01, "utilization": 0.5},
                "ETH": {"price": 2000, "vol": 0.7, "utilization": 0.8}}}
    """

    static let book = """
    {"accounts": [
      {"id": "nodebt", "score": 700, "positions": [{"asset": "ETH", "qty": 1}]},
      {"id": "call", "score": 550, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -1200}]},
      {"id": "deep", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -2000}]}
    ]}
    """

    /// The compiled policy; nil only if the fixture itself is broken.
    static func engine(horizon: Double = Horizon.defaultYears) -> MarginEngine? {
        Lever.loadPolicy(source: policy, path: "lending.lever", horizon: horizon).engine
    }

    /// The book and market, loaded from the texts above.
    static func inputs(book text: String = book) -> (Book, MarketSnapshot)? {
        guard let m = MarketLoader.load(SourceFile(id: 1, path: "market.json", text: market)).value,
              let b = BookLoader.load(SourceFile(id: 2, path: "book.json", text: text), market: m,
                                      options: LoadOptions(keepGoing: true)).value
        else { return nil }
        return (b, m)
    }

    /// The whole report.
    static func report(book text: String = book) -> Report? {
        guard let engine = engine(), let (b, m) = inputs(book: text) else { return nil }
        return Lever.evaluate(engine, book: b, market: m)
    }
}
