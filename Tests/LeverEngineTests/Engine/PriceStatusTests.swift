import Testing
@testable import LeverEngine

/// A policy can tell a stale price from a missing, invalid or future one (`price_status`) and
/// read the price as quoted before the oracle rule (`quoted_price`): a stale quote stands, the
/// others are undefined. One account holds one unit of each asset; `max_price_age` is 1 h and
/// the snapshot is at 12:00, so DOGE's 09:00 price is stale, ZRO's 0 invalid, FTT has no price
/// and FUT's 14:00 price is from the future (beyond the default 60 s of clock skew).
struct PriceStatusTests {
    static let policy = """
    class c { haircut = 10% }
    asset BTC : c
    asset DOGE : c
    asset FTT : c
    asset ZRO : c
    asset FUT : c
    oracle { max_price_age = 1 h; stale_price = zero }
    measure fresh_n per account = count(positions where price_status == fresh)
    measure stale_n per account = count(positions where price_status == stale)
    measure missing_n per account = count(positions where price_status == missing)
    measure invalid_n per account = count(positions where price_status == invalid)
    measure future_n per account = count(positions where price_status == future)
    measure stale_quote per account = sum(quoted_price where price_status == stale)
    measure stale_price per account = sum(price where price_status == stale)
    measure any_quote per account = sum(quoted_price)
    """
    static let market = """
    {"as_of": "2026-11-25T12:00:00Z", "assets": {
      "BTC": {"price": 100000, "price_time": "2026-11-25T11:59:00Z", "vol": 0.5},
      "DOGE": {"price": 0.2, "price_time": "2026-11-25T09:00:00Z", "vol": 1.0},
      "FTT": {"price": null, "vol": 1.0},
      "ZRO": {"price": 0, "price_time": "2026-11-25T12:00:00Z", "vol": 1.0},
      "FUT": {"price": 5, "price_time": "2026-11-25T14:00:00Z", "vol": 1.0}}}
    """
    static let book = """
    {"accounts": [{"id": "a", "score": 700, "positions": [
      {"kind": "spot", "asset": "BTC", "quantity": 1}, {"kind": "spot", "asset": "DOGE", "quantity": 1},
      {"kind": "spot", "asset": "FTT", "quantity": 1}, {"kind": "spot", "asset": "ZRO", "quantity": 1},
      {"kind": "spot", "asset": "FUT", "quantity": 1}]}]}
    """

    @Test func eachStatusIsCountedApart() throws {
        let r = try InlineEvaluation.report(policy: Self.policy, market: Self.market, book: Self.book)
        for (output, count) in [("fresh_n", 1.0), ("stale_n", 1), ("missing_n", 1), ("invalid_n", 1), ("future_n", 1)] {
            #expect(r.value(output, account: "a") == .number(count), "\(output)")
        }
    }

    @Test func aStaleQuoteStandsWhereTheOracleRuleZeroesThePrice() throws {
        let r = try InlineEvaluation.report(policy: Self.policy, market: Self.market, book: Self.book)
        #expect(r.value("stale_quote", account: "a") == .number(0.2))
        #expect(r.value("stale_price", account: "a") == .number(0))
        // Summing every quote meets the missing one: undefined, never a number.
        #expect(r.value("any_quote", account: "a") == .undefined)
    }
}
