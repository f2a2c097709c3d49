import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// Market inputs other than the price have an age too: a daily volume, a funding rate or a
/// declared input observed at `inputs_time` (or at its own `time`) longer ago than the oracle's
/// `max_input_age` is undefined, never used as if current. The snapshot is at 12:00.
struct MarketInputAgeTests {
    static func policy(oracle: String = "oracle { max_price_age = 1 h; max_input_age = 1 day }") -> String {
        """
        input asset.adv_30d in [0 USD, 100B USD]
        class c { haircut = 10% }
        asset BTC : c
        asset ETH : c
        venue Dex
        \(oracle)
        measure btc_adv per account = BTC.adv_30d
        measure eth_adv per account = ETH.adv_30d
        measure funding_due per account = sum(funding)
        """
    }

    static func market(btc: String = "", eth: String = "", asOf: String = #""as_of": "2026-11-25T12:00:00Z", "#) -> String {
        """
        {\(asOf)"assets": {
          "BTC": {"price": 100000, "vol": 0.5, "mark_price": 100500, "funding_rate": 0.1095, "inputs": {"adv_30d": 3e10}\(btc)},
          "ETH": {"price": 3000, "vol": 0.7, "inputs": {"adv_30d": {"value": 1.5e10, "time": "2026-11-25T06:00:00Z"}}\(eth)}}}
        """
    }

    static let book = """
    {"accounts": [{"id": "a", "score": 1, "positions": [
      {"asset": "ETH", "quantity": 10, "venue": "Dex"},
      {"kind": "perp", "asset": "BTC", "size": 2, "entry_price": 99000, "venue": "Dex"}]}]}
    """

    static func evaluate(policy: String = policy(), market: String = market()) throws -> Report {
        try InlineEvaluation.report(policy: policy, market: market, book: book, path: "ages.lever")
    }

    @Test func inputsWithinTheirAgeAreUsed() throws {
        // BTC has no time for its inputs (not judged); ETH's adv is 6 h old under a 1-day limit.
        let r = try Self.evaluate()
        #expect(r.value("btc_adv", account: "a") == .number(3e10))
        #expect(r.value("eth_adv", account: "a") == .number(1.5e10))
        #expect(r.marketIssues.isEmpty)
    }

    @Test func anInputOlderThanTheLimitIsUndefinedAndSaid() throws {
        // BTC's inputs observed 2 days before the snapshot: its adv, mark and funding are stale;
        // ETH's adv has its own time (6 h), which wins over the asset's `inputs_time`.
        let old = #", "inputs_time": "2026-11-23T12:00:00Z""#
        let r = try Self.evaluate(market: Self.market(btc: old, eth: old))
        #expect(r.value("btc_adv", account: "a") == .undefined)
        #expect(r.value("funding_due", account: "a") == .undefined)
        #expect(r.value("eth_adv", account: "a") == .number(1.5e10))
        let stale = r.marketIssues.filter { if case .staleInput = $0.reason { true } else { false } }
        #expect(Set(stale.map { "\($0.asset).\($0.input?.rawValue ?? "")" })
                == ["BTC.adv_30d", "BTC.mark_price", "BTC.funding_rate"])
        let adv = try #require(stale.first { $0.input?.rawValue == "adv_30d" })
        #expect(adv.message == "BTC: adv_30d is 172,800 s old (limit 86,400 s, the oracle's max_input_age); undefined wherever the policy reads it")
        #expect(ReportRenderer.reasonName(adv.reason) == "stale_input")
        let notes = try #require(r.accounts.first).notes.map(\.message)
        #expect(notes.contains { $0.contains("BTC: funding_rate is 172,800 s old") }, "\(notes)")
    }

    @Test func theLimitDefaultsToThePriceAge() throws {
        // No `max_input_age`: the block's `max_price_age` (1 h) holds ETH's 6-hour-old adv.
        let r = try Self.evaluate(policy: Self.policy(oracle: "oracle { max_price_age = 1 h }"))
        #expect(r.value("eth_adv", account: "a") == .undefined)
        // No oracle block at all: no limit.
        #expect(try Self.evaluate(policy: Self.policy(oracle: "")).value("eth_adv", account: "a") == .number(1.5e10))
    }

    @Test func anInputFromTheFutureIsUndefined() throws {
        let ahead = #", "inputs_time": "2026-11-25T12:05:00Z""#
        let r = try Self.evaluate(market: Self.market(btc: ahead))
        #expect(r.value("btc_adv", account: "a") == .undefined)
        let issue = try #require(r.marketIssues.first { $0.input?.rawValue == "adv_30d" })
        #expect(issue.message == "BTC: adv_30d is 300 s in the future (tolerance 60 s); undefined wherever the policy reads it")
    }

    @Test func withoutAsOfAgesAreNotJudged() throws {
        let old = #", "inputs_time": "2020-01-01T00:00:00Z""#
        let r = try Self.evaluate(market: Self.market(btc: old, asOf: ""))
        #expect(r.value("btc_adv", account: "a") == .number(3e10))
    }

    @Test func aTimedEntryNeedsItsValue() {
        let text = #"{"assets": {"BTC": {"price": 1, "vol": 0.5, "inputs": {"adv_30d": {"time": "2026-11-25T06:00:00Z"}, "depth": {"value": "x"}}}}}"#
        let loaded = MarketLoader.load(SourceFile(id: 1, path: "m.json", text: text))
        let messages = loaded.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("assets.BTC.inputs.adv_30d") && $0.contains("missing required field `value`") }, "\(messages)")
        #expect(messages.contains { $0.contains("assets.BTC.inputs.depth.value") }, "\(messages)")
    }
}
