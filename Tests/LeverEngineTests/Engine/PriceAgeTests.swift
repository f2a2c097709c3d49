import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// `max_price_age` set for a class or an asset wins over the oracle block's (stablecoin feeds
/// update daily, majors hourly): it used to be ignored, so every asset had the block's limit.
struct PriceAgeTests {
    static let policy = """
    policy "Ages" version "1"
    class stable { max_price_age = 25 h; liquidation_threshold = 90% }
    class major { haircut = 20%; liquidation_threshold = 80% }
    asset USDC : stable
    asset DAI : stable { max_price_age = 2 h }
    asset ETH : major
    oracle { max_price_age = 1 h }
    """

    @Test func aClassOrAssetLimitWinsOverTheOracleBlock() throws {
        let checked = Checker.check(source: Self.policy, path: "ages.lever")
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.map(\.message))")
        let compiled = try #require(Compiler.compile(checked).0)
        // Years as durations fold: 25 h, 2 h (DAI's own), 1 h (the block's, for ETH).
        #expect(compiled.oracle.maxPriceAge(asset: 0) == 25.0 / 8760)
        #expect(compiled.oracle.maxPriceAge(asset: 1) == 2.0 / 8760)
        #expect(compiled.oracle.maxPriceAge(asset: 2) == 1.0 / 8760)
        // Every price 3 hours old: USDC within its 25 h, DAI past its own 2 h, ETH past the block's 1 h.
        let market = try #require(MarketLoader.load(SourceFile(id: 1, path: "m.json", text: """
        {"as_of": "2026-11-25T12:00:00Z", "assets": {
          "USDC": {"price": 1, "price_time": "2026-11-25T09:00:00Z", "vol": 0.01},
          "DAI": {"price": 1, "price_time": "2026-11-25T09:00:00Z", "vol": 0.01},
          "ETH": {"price": 2000, "price_time": "2026-11-25T09:00:00Z", "vol": 0.7}}}
        """)).value)
        let prepared = PreparedMarket(policy: compiled, market: market)
        #expect(prepared.issues.map { $0?.asset } == [nil, "DAI", "ETH"])
    }
}
