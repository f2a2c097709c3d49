import Testing
@testable import LeverEngine

/// Aggregates grouped by asset, venue or class inside an account, with the arithmetic worked by
/// hand. The differential test (`ReferenceAgreementTests`) runs generated grouped measures
/// against the reference evaluator on generated books.
struct GroupedAggregateTests {
    static let policy = """
    policy "Groups" version "1"
    class stable { haircut = 0% }
    class crypto { haircut = 20% }
    asset USDC : stable
    asset BTC : crypto
    asset ETH : crypto
    venue Deribit
    venue OKX
    // Net each asset's delta exposure (spot and perps alike) before the concentration charge.
    measure gross per account = sum(abs(quantity * price))
    measure net per account = sum(abs(sum(quantity * price, by: asset)))
    measure charge per account = sum(5% * max(0 USD, abs(sum(quantity * price, by: asset)) - 1M USD))
    measure standalone_charge per account = sum(5% * max(0 USD, abs(quantity * price) - 1M USD))
    measure biggest per account = max(abs(sum(quantity * price, by: asset)))
    measure smallest per account = min(sum(notional, by: venue))
    measure avg_class per account = avg(sum(notional, by: class))
    measure assets_held per account = count(sum(notional, by: asset) > 0 USD)
    measure longs per account = count(side == long)
    measure net_quoted per account = sum(abs(sum(quantity * quoted_price, by: asset)))
    measure biggest_quoted per account = max(abs(sum(quantity * quoted_price, by: asset)))
    measure short_perps_by_asset per account = sum(abs(sum(quantity, by: asset where kind == perp)))
    """

    static let market = """
    {"as_of": "2026-11-25T12:00:00Z",
     "assets": {"USDC": {"price": 1, "vol": 0.01}, "BTC": {"price": 100000, "vol": 0.6}, "ETH": {"price": 2000, "vol": 0.8}}}
    """

    /// `hedged`: 30 BTC spot on Deribit (3M), short 30 BTC perp on OKX (−3M), 1,000 ETH spot with
    /// no venue (2M). `empty`: nothing.
    static let book = """
    {"accounts": [
      {"id": "hedged", "score": 700, "positions": [
        {"asset": "BTC", "qty": 30, "venue": "Deribit"},
        {"kind": "perp", "asset": "BTC", "size": -30, "entry_price": 100000, "venue": "OKX"},
        {"asset": "ETH", "qty": 1000}]},
      {"id": "empty", "score": 700, "positions": []}
    ]}
    """

    static func evaluate(market: String = market) throws -> Report {
        try InlineEvaluation.report(policy: policy, market: market, book: book, path: "groups.lever")
    }

    @Test func aHedgeNetsWithinItsAsset() throws {
        let r = try Self.evaluate()
        // gross: 3M + 3M + 2M = 8M; net by asset: |3M − 3M| + |2M| = 2M.
        #expect(r.value("gross", account: "hedged") == .number(8_000_000))
        #expect(r.value("net", account: "hedged") == .number(2_000_000))
        // charge on the net: BTC 5% × max(0, 0 − 1M) = 0, ETH 5% × (2M − 1M) = 50,000;
        // standalone: 5% × (2M + 2M + 1M) = 250,000 (each position charged alone).
        #expect(r.value("charge", account: "hedged") == .number(50_000))
        #expect(r.value("standalone_charge", account: "hedged") == .number(250_000))
        #expect(r.value("biggest", account: "hedged") == .number(2_000_000))
        // |−30| summed over BTC's perps; ETH has none, so its group sums to 0.
        #expect(r.value("short_perps_by_asset", account: "hedged") == .number(30))
    }

    @Test func positionsOnNoVenueAreAGroupOfTheirOwn() throws {
        let r = try Self.evaluate()
        // Deribit 3M, OKX 3M, no venue 2M: the smallest is the no-venue group, not left out.
        #expect(r.value("smallest", account: "hedged") == .number(2_000_000))
    }

    @Test func foldsOverGroupsTheAccountHolds() throws {
        let r = try Self.evaluate()
        // crypto holds everything (8M notional); stable is not held, so it is no group: avg 8M.
        #expect(r.value("avg_class", account: "hedged") == .number(8_000_000))
        #expect(r.value("assets_held", account: "hedged") == .number(2))
        for name in ["gross", "net", "charge", "biggest", "smallest", "avg_class", "assets_held"] {
            #expect(r.value(name, account: "empty") == .number(0), "\(name)")
        }
    }

    @Test func countOfAConditionCountsWhereItHolds() throws {
        // Two long positions (BTC and ETH spot), one short perp. It used to count every
        // position (3): a count adds one per position, so the condition must be its filter.
        #expect(try Self.evaluate().value("longs", account: "hedged") == .number(2))
    }

    @Test func anUndefinedGroupMakesTheFoldUndefined() throws {
        let market = Self.market.replacingOccurrences(of: #""ETH": {"price": 2000, "vol": 0.8}"#,
                                                      with: #""ETH": {"price": null, "vol": 0.8}"#)
        let r = try Self.evaluate(market: market)
        // ETH has no quote: its group is undefined, and so is any fold that counts it. (`price`
        // itself is 0 under the default `zero` oracle rule, so `net` is decided on that.)
        #expect(r.value("net_quoted", account: "hedged") == .undefined)
        #expect(r.value("biggest_quoted", account: "hedged") == .undefined)
        #expect(r.value("net", account: "hedged") == .number(0))
    }
}
