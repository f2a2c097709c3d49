import Testing
@testable import LeverEngine

/// Perpetuals are marked at the market's `mark_price` (the quote when it gives none) and pay
/// funding at its `funding_rate`. By hand, BTC quoted at 100,000 and marked at 100,500 with
/// funding of 10.95 % a year; a long of 2 entered at 99,000, horizon 1 day:
///   notional 2 × 100,500 = 201,000; PnL 2 × (100,500 − 99,000) = 3,000;
///   funding 2 × 100,500 × 0.1095 ÷ 365 = 60.3 (paid)
/// under `crash` (BTC −10 %) the mark follows the price: 90,450, PnL −17,100, loss 20,100.
/// FTT has no spot price but a mark of 2: a short of 1,000 entered at 2.5 has PnL 500 (a
/// perpetual whose spot is unpriced is still valued), and no funding rate: funding undefined.
struct PerpetualMarkTests {
    static let policy = """
    class c { haircut = 10% }
    asset BTC : c
    asset FTT : c
    venue Dex
    scenario crash { BTC: -10% }
    measure perp_notional per account = sum(notional where kind == perp)
    measure perp_pnl per account = sum(pnl)
    measure funding_due per account = sum(funding)
    """
    static let market = """
    {"assets": {"BTC": {"price": 100000, "vol": 0.5, "mark_price": 100500, "funding_rate": 0.1095},
                "FTT": {"price": null, "vol": 1.0, "mark_price": 2}}}
    """
    static let book = """
    {"accounts": [
      {"id": "btc-long", "score": 700, "positions": [{"kind": "perp", "asset": "BTC", "size": 2, "entry_price": 99000, "venue": "Dex"}]},
      {"id": "ftt-short", "score": 700, "positions": [{"kind": "perp", "asset": "FTT", "size": -1000, "entry_price": 2.5, "venue": "Dex"}]}]}
    """

    static func number(_ r: Report, _ output: String, _ account: String) -> Double? {
        guard case .number(let x)? = r.value(output, account: account) else { return nil }
        return x
    }

    @Test func perpetualsAreMarkedAndPayFunding() throws {
        let r = try InlineEvaluation.report(policy: Self.policy, market: Self.market, book: Self.book)
        #expect(Self.number(r, "perp_notional", "btc-long") == 201_000)
        #expect(Self.number(r, "perp_pnl", "btc-long") == 3_000)
        #expect(abs((Self.number(r, "funding_due", "btc-long") ?? .nan) - 60.3) < 1e-9)
        #expect(abs((Self.number(r, "loss_crash", "btc-long") ?? .nan) - 20_100) < 1e-6)
    }

    @Test func aMarkValuesAPerpetualWhoseSpotIsUnpriced() throws {
        let r = try InlineEvaluation.report(policy: Self.policy, market: Self.market, book: Self.book)
        #expect(Self.number(r, "perp_pnl", "ftt-short") == 500)
        #expect(r.value("funding_due", account: "ftt-short") == .undefined)
    }
}
