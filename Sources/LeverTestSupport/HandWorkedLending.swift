/// A small lending policy and market whose numbers the engine and report tests work by hand:
/// ETH collateral value = 2000 × (1 − 20%) = 1600, weighted by the 80% threshold = 1280.
/// Each test brings its own book (the accounts are what it is about).
public enum HandWorkedLending {
    /// Two classes, two assets, two tiers (no credit, no discount) and one measure.
    public static let policy = """
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

    /// USDC at 1 and ETH at 2000, priced at the snapshot time.
    public static let market = """
    {"as_of": "2026-11-25T12:00:00Z",
     "assets": {"USDC": {"price": 1, "vol": 0.01, "utilization": 0.5},
                "ETH": {"price": 2000, "vol": 0.7, "utilization": 0.8}}}
    """
}
