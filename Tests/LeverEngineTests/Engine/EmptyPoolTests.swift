import Testing
import LeverCheck
@testable import LeverEngine

/// Utilization of a pool with nothing supplied: fully used when something is borrowed from it
/// (it used to read 0, the cheapest rate), and what the policy's `empty_pool_utilization` says
/// when nothing is (0 by default; some protocols read an empty pool as fully used).
/// HALF supplies 100 and lends 50: 50 %.
struct EmptyPoolTests {
    static let policy = """
    class c { haircut = 10% }
    asset EMPTY : c
    asset DRAINED : c
    asset HALF : c
    measure empty_u per account = sum(utilization where asset == EMPTY)
    measure drained_u per account = sum(utilization where asset == DRAINED)
    measure half_u per account = sum(utilization where asset == HALF)
    """
    static let market = """
    {"assets": {"EMPTY": {"price": 1, "vol": 0.1, "supplied": 0, "borrowed": 0},
                "DRAINED": {"price": 1, "vol": 0.1, "supplied": 0, "borrowed": 10},
                "HALF": {"price": 1, "vol": 0.1, "supplied": 100, "borrowed": 50}}}
    """
    static let book = """
    {"accounts": [{"id": "a", "score": 700, "positions": [
      {"kind": "spot", "asset": "EMPTY", "quantity": 1}, {"kind": "spot", "asset": "DRAINED", "quantity": 1},
      {"kind": "spot", "asset": "HALF", "quantity": 1}]}]}
    """

    @Test func anEmptyPoolReadsAsThePolicySays() throws {
        let byDefault = try InlineEvaluation.report(policy: Self.policy, market: Self.market, book: Self.book)
        #expect(byDefault.value("empty_u", account: "a") == .number(0))
        #expect(byDefault.value("drained_u", account: "a") == .number(1))
        #expect(byDefault.value("half_u", account: "a") == .number(0.5))
        let full = try InlineEvaluation.report(policy: Self.policy + "\noracle { empty_pool_utilization = 100% }",
                                               market: Self.market, book: Self.book)
        #expect(full.value("empty_u", account: "a") == .number(1))
        #expect(full.value("half_u", account: "a") == .number(0.5))
    }

    /// Aave v3's supply usage counts unbacked supply: 50 ÷ (100 + 25) = 40 % where the borrow
    /// utilization is 50 %.
    @Test func unbackedSupplyGivesASecondUtilization() throws {
        let policy = Self.policy + "\nmeasure supply_usage per account = sum(borrowed / (supplied + unbacked) where asset == HALF)"
        let market = Self.market.replacingOccurrences(of: #""supplied": 100, "borrowed": 50"#,
                                                      with: #""supplied": 100, "borrowed": 50, "unbacked": 25"#)
        let r = try InlineEvaluation.report(policy: policy, market: market, book: Self.book)
        #expect(r.value("supply_usage", account: "a") == .number(0.4))
        #expect(r.value("half_u", account: "a") == .number(0.5))
    }

    @Test func theSettingIsAShare() {
        let checked = Checker.check(source: Self.policy + "\noracle { empty_pool_utilization = 150% }", path: "p.lever")
        #expect(checked.diagnostics.hasErrors)
    }
}
