import Testing
import LeverTestSupport
@testable import LeverEngine

/// A price timestamped after the snapshot's `as_of` by more than the oracle's `max_clock_skew`
/// (one minute by default) is no quote: it could never go stale. It is a market issue like a
/// missing price: collateral 0 under `zero`, a debt or a derivative in it undefined (the account
/// `unvalued`), holders rejected under `reject`, and under `keep` too, since there is nothing to keep.
@Suite struct FuturePriceTests {
    /// The hand-worked lending policy (ETH: haircut 20%) with BTC declared and an `oracle` block.
    static func policy(_ oracle: String) -> String {
        HandWorkedLending.policy.replacingOccurrences(of: "asset ETH : crypto", with: "asset ETH : crypto\nasset BTC : crypto")
            + "\noracle { \(oracle) }\n"
    }

    /// BTC is dated 2100 (2,322,388,800 s ahead of `as_of`); ETH 30 s ahead, within the default
    /// minute; USDC at `as_of`.
    static let market = """
    {"as_of": "2026-11-25T12:00:00Z",
     "assets": {"USDC": {"price": 1, "vol": 0.01, "price_time": "2026-11-25T12:00:00Z"},
                "ETH": {"price": 2000, "vol": 0.7, "price_time": "2026-11-25T12:00:30Z"},
                "BTC": {"price": 90000, "vol": 0.6, "price_time": "2100-06-30"}}}
    """

    static let book = """
    {"accounts": [
      {"id": "borrows", "score": 700, "positions": [{"asset": "ETH", "qty": 10}, {"asset": "BTC", "qty": -0.1}]},
      {"id": "holds", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "BTC", "qty": 1}, {"asset": "USDC", "qty": -1000}]},
      {"id": "neither", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -1000}]}
    ]}
    """

    static func evaluate(oracle: String, market: String = market) throws -> Report {
        try FailClosedTests.evaluate(book, policy: policy(oracle), market: market)
    }

    static let ahead = 2_322_388_800.0

    @Test func aFuturePriceIsAMarketIssueAndADebtInItLeavesTheAccountUnvalued() throws {
        let report = try Self.evaluate(oracle: "stale_price = zero")
        let issue = MarketIssue(asset: "BTC", reason: .future(aheadSeconds: Self.ahead, toleranceSeconds: 60), outcome: .zero)
        #expect(report.marketIssues == [issue], "ETH, 30 s ahead, is within the minute")
        #expect(issue.message == "BTC: price is 2,322,388,800 s in the future (tolerance 60 s); counted at 0 as collateral; "
            + "a debt in it cannot be valued")
        #expect(report.accounts.allSatisfy { $0.evaluated })
        #expect(report.value("debt", account: "borrows") == .undefined, "never the future price, never 0")
        #expect(report.value("status", account: "borrows") == .unvalued)
        let borrows = try #require(report.accounts.first { $0.id == "borrows" })
        #expect(borrows.notes.contains { $0.severity == .error
            && $0.message.hasSuffix("because BTC: no usable price (price is 2,322,388,800 s in the future (tolerance 60 s))") })
        // Collateral in it counts 0, as the `zero` rule promises: ETH's 2000 × (1 − 20%) alone.
        #expect(report.value("collateral", account: "holds") == .number(1600))
        #expect(report.accounts.first { $0.id == "neither" }?.notes == [])
    }

    @Test(arguments: ["reject", "keep"])
    func rejectAndKeepLeaveHoldersNotEvaluated(_ rule: String) throws {
        let report = try Self.evaluate(oracle: "stale_price = \(rule)")
        #expect(report.accounts.map(\.evaluated) == [false, false, true])
        #expect(report.marketIssues.map(\.outcome) == [.reject], "`keep` keeps a stale price, not one from the future")
        #expect(report.accounts[0].notes == [AccountNote(severity: .error, message:
            "BTC: price is 2,322,388,800 s in the future (tolerance 60 s); accounts holding it are not evaluated")])
    }

    /// `max_clock_skew` sets the tolerance: 10 s makes ETH's 30 s too far ahead; 100 years lets
    /// even 2100 through.
    @Test func theToleranceIsTheOraclesMaxClockSkew() throws {
        let tight = try Self.evaluate(oracle: "max_clock_skew = 10 s")
        #expect(tight.marketIssues.map(\.asset) == ["ETH", "BTC"])
        #expect(tight.marketIssues.first?.message
            == "ETH: price is 30 s in the future (tolerance 10 s); counted at 0 as collateral; a debt in it cannot be valued")
        #expect(tight.value("collateral", account: "neither") == .number(0))
        let loose = try Self.evaluate(oracle: "max_clock_skew = 100 years")
        #expect(loose.marketIssues.isEmpty)
        #expect(loose.value("status", account: "borrows") != .unvalued)
    }

    /// Before the limit on age: a price from the future is not "fresh" whatever `max_price_age` says.
    @Test func aFuturePriceIsNeverStale() throws {
        let report = try Self.evaluate(oracle: "max_price_age = 1 h; stale_price = keep")
        #expect(report.marketIssues.map(\.reason) == [.future(aheadSeconds: Self.ahead, toleranceSeconds: 60)])
    }

    /// Without `as_of` there is no "now" to be ahead of: nothing is judged (as for staleness).
    @Test func withoutAsOfNothingIsJudged() throws {
        let market = Self.market.replacingOccurrences(of: #""as_of": "2026-11-25T12:00:00Z","#, with: "")
        let report = try Self.evaluate(oracle: "stale_price = zero", market: market)
        #expect(report.marketIssues.isEmpty)
    }

    @Test func jsonNamesTheReasonFuture() throws {
        let json = ReportRenderer(style: .json).render(try Self.evaluate(oracle: "stale_price = zero"))
        #expect(json.contains(#""reason": "future""#))
    }
}
