import Testing
import LeverCheck
import LeverCompile
import LeverSyntax
@testable import LeverEngine

/// What measures may read: the reported `status`, and one asset's property (`BTC.haircut`),
/// each worked by hand.
struct ReadableResultsTests {
    static let policy = """
    policy "Readable" version "1"
    class stable { haircut = 0%; liquidation_threshold = 100% }
    class crypto { haircut = 20%; liquidation_threshold = 80%; concentration = 5% }
    asset USDC : stable
    asset BTC : crypto { concentration = 3%; haircut -= 5% }
    asset ETH : crypto
    margin {
      liquidate when health < 1
      margin_call when health < 1.2
    }
    measure called per account = status == margin_call
    measure liquidating per account = status == liquidatable
    measure fine per account = status == healthy
    measure btc_haircut per account = BTC.haircut
    measure eth_charge per account = ETH.concentration * sum(notional where asset == ETH)
    assert every account: debt <= 1M USD else liquidatable
    """

    static let market = """
    {"as_of": "2026-11-25T12:00:00Z",
     "assets": {"USDC": {"price": 1, "vol": 0.01}, "BTC": {"price": 100000, "vol": 0.6}, "ETH": {"price": 2000, "vol": 0.8}}}
    """

    /// ETH collateral 10 × 2000 = 20,000 at haircut 20% → 16,000, × threshold 80% = 12,800 of
    /// borrowing power: `ok` owes 5,000 (health 2.56), `call` 11,000 (1.16: margin call), `liq`
    /// 13,000 (0.98: liquidatable); `breach` owes 2M USDC against 3,000 BTC (health ≫ 1) and so
    /// is liquidatable only by the assertion's consequence.
    static let book = """
    {"accounts": [
      {"id": "ok", "score": 1, "positions": [{"asset": "ETH", "qty": 10}, {"asset": "USDC", "qty": -5000}]},
      {"id": "call", "score": 1, "positions": [{"asset": "ETH", "qty": 10}, {"asset": "USDC", "qty": -11000}]},
      {"id": "liq", "score": 1, "positions": [{"asset": "ETH", "qty": 10}, {"asset": "USDC", "qty": -13000}]},
      {"id": "breach", "score": 1, "positions": [{"asset": "BTC", "qty": 3000}, {"asset": "USDC", "qty": -2000000}]}
    ]}
    """

    static func evaluate(policy: String = policy, market: String = market) throws -> Report {
        try InlineEvaluation.report(policy: policy, market: market, book: book, path: "readable.lever")
    }

    @Test func measuresReadTheReportedStatus() throws {
        let r = try Self.evaluate()
        let expected: [(String, String)] = [("ok", "healthy"), ("call", "margin_call"), ("liq", "liquidatable"), ("breach", "liquidatable")]
        for (id, status) in expected {
            #expect(r.value("status", account: id) == .label(status), "\(id)")
            #expect(r.value("called", account: id) == .flag(status == "margin_call"), "\(id)")
            #expect(r.value("liquidating", account: id) == .flag(status == "liquidatable"), "\(id)")
            #expect(r.value("fine", account: id) == .flag(status == "healthy"), "\(id)")
        }
    }

    @Test func anUnvaluedStatusIsNoWord() throws {
        // USDC unpriced: what `ok` owes cannot be valued, so neither can its health or status.
        let market = Self.market.replacingOccurrences(of: #""USDC": {"price": 1,"#, with: #""USDC": {"price": null,"#)
        let r = try Self.evaluate(market: market)
        #expect(r.value("status", account: "ok") == .unvalued)
        #expect(r.value("called", account: "ok") == .undefined)
    }

    @Test func aMeasureReadsOneAssetsProperty() throws {
        let r = try Self.evaluate()
        // BTC: the class's 20%, then its own `-= 5%`: 15%. ETH's concentration is the class's 5%:
        // 5% × 10 × 2000 = 1,000 for the ETH holders.
        guard case .number(let haircut)? = r.value("btc_haircut", account: "ok") else {
            Issue.record("BTC.haircut is a number")
            return
        }
        #expect(abs(haircut - 0.15) < 1e-15)
        #expect(r.value("eth_charge", account: "ok") == .number(1000))
        #expect(r.value("eth_charge", account: "breach") == .number(0))
    }

    @Test func aPropertyThatReadsThePositionCannotBeReadOutsideOne() throws {
        let policy = Self.policy + "\nclass big { size_rate = 1% per 1M USD of notional }\nasset SOL : big\nmeasure s per account = SOL.size_rate"
        let checked = Checker.check(source: policy, path: "readable.lever")
        #expect(!checked.diagnostics.hasErrors)
        let (compiled, diagnostics) = Compiler.compile(checked)
        #expect(compiled == nil)
        let d = try #require(diagnostics.first { $0.code == "L0802" })
        #expect(d.message == "`SOL.size_rate` depends on the position it is read for")
    }

    @Test func anUnknownMemberOfAnAssetSaysWhatItCanBe() throws {
        let d = try #require(Checker.check(source: Self.policy + "\nmeasure x per account = BTC.concentratoin", path: "r.lever")
            .diagnostics.first { $0.code == "L0213" })
        #expect(d.message == "`concentratoin` is not a market input or property of `BTC`")
        #expect(d.fixIts.first?.edits.first?.replacement == "concentration")
    }
}
