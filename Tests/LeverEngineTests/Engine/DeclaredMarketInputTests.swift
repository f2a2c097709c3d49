import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// Market inputs a policy declares beyond the engine's: `input asset.adv_30d in [0 USD, 100B USD]`
/// names the input, its unit (its bounds') and its range; each asset's value comes from the
/// market file's `inputs`.
struct DeclaredMarketInputTests {
    static let policy = """
    policy "Liquidity" version "1"
    input asset.adv_30d in [0 USD, 100B USD]     // 30-day average daily volume
    input asset.depth_2pct in [0 USD, 10B USD]   // order book depth within 2%
    class crypto { haircut = 10% + 1% per 1M USD of notional above depth_2pct }
    class stable { haircut = 0% }
    asset BTC : crypto
    asset SOL : crypto
    asset USDC : stable
    measure days_to_exit per account = sum(notional / adv_30d where kind == spot and side == long) * 1 day
    measure btc_depth per account = BTC.depth_2pct
    scenario thin { depth_2pct: -50% }
    measure thin_haircut per account = max(under(thin, haircut) where asset == BTC)
    """

    static func market(btc: String = #""inputs": {"adv_30d": 30000000000, "depth_2pct": 200000000}"#,
                       sol: String = #""inputs": {"adv_30d": 2000000000, "depth_2pct": 2000000}"#) -> String {
        """
        {"as_of": "2026-11-25T12:00:00Z",
         "assets": {"BTC": {"price": 100000, "vol": 0.6, \(btc)},
                    "SOL": {"price": 200, "vol": 0.9, \(sol)},
                    "USDC": {"price": 1, "vol": 0.01}}}
        """
    }

    /// 3,000 BTC (300M) and 50,000 SOL (10M).
    static let book = """
    {"accounts": [{"id": "a", "score": 1, "positions": [{"asset": "BTC", "qty": 3000}, {"asset": "SOL", "qty": 50000}]},
                  {"id": "b", "score": 1, "positions": [{"asset": "USDC", "qty": 1}]}]}
    """

    static func evaluate(market: String = market()) throws -> Report {
        try InlineEvaluation.report(policy: policy, market: market, book: book, path: "liquidity.lever")
    }

    static func number(_ r: Report, _ name: String, _ id: String = "a") -> Double? {
        if case .number(let x)? = r.value(name, account: id) { return x }
        return nil
    }

    @Test func declaredInputsAreReadLikeTheEnginesOwn() throws {
        let r = try Self.evaluate()
        // 300M / 30B + 10M / 2B = 0.01 + 0.005 = 0.015 of a day's volume… in days: 0.015 days.
        let days = try #require(Self.number(r, "days_to_exit"))
        #expect(abs(days - 0.015 / 365) < 1e-15)
        #expect(r.value("btc_depth", account: "a") == .number(200_000_000))
        // BTC: 300M notional above 200M depth → 10% + 1% × 100 = 110%... clamped by nothing:
        // the collateral shows it; SOL: 10M above 2M → 10% + 8% = 18%.
        #expect(r.marketIssues.isEmpty)
    }

    @Test func scenariosShockDeclaredInputs() throws {
        let r = try Self.evaluate()
        // Depth halved to 100M: BTC's haircut 10% + 1% × 200 = 210%.
        let thin = try #require(Self.number(r, "thin_haircut"))
        #expect(abs(thin - 2.10) < 1e-12)
    }

    @Test func aMissingDeclaredInputIsUndefined() throws {
        let r = try Self.evaluate(market: Self.market(btc: #""inputs": {"adv_30d": 30000000000}"#))
        #expect(r.value("btc_depth", account: "a") == .undefined)
        let notes = try #require(r.accounts.first { $0.id == "a" }).notes.map(\.message)
        #expect(notes.contains { $0.contains("BTC: no depth_2pct in the market snapshot") }, "\(notes)")
    }

    @Test func aValueOutsideTheDeclaredRangeIsUndefined() throws {
        let r = try Self.evaluate(market: Self.market(btc: #""inputs": {"adv_30d": 30000000000, "depth_2pct": -5}"#))
        #expect(r.value("btc_depth", account: "a") == .undefined)
        #expect(r.marketIssues.contains { $0.asset == "BTC" && $0.input == AssetInput(rawValue: "depth_2pct") })
    }

    @Test func anUndeclaredNameInInputsIsSaid() throws {
        let r = try Self.evaluate(market: Self.market(sol: #""inputs": {"adv_30d": 2000000000, "depth_2pc": 2000000}"#))
        let issue = try #require(r.marketIssues.first { $0.asset == "SOL" })
        #expect(issue.message == "SOL: `depth_2pc` in `inputs` is no input the policy declares (did you mean `depth_2pct`?); not read")
        // The declared one is then missing: undefined, never 0.
        #expect(r.value("days_to_exit", account: "a") != .undefined)
    }

    @Test func theCheckerKnowsTheirUnits() {
        let codes = { (line: String) in
            Checker.check(source: Self.policy + "\n" + line, path: "l.lever").diagnostics.filter { $0.severity == .error }.map(\.code)
        }
        #expect(codes("measure bad per account = sum(adv_30d) + 1%") == ["L0304"])
        #expect(codes("measure ok per account = SOL.adv_30d / 1M USD").isEmpty)
        #expect(codes("scenario s { BTC.adv_30d: -20% }").isEmpty)
    }
}
