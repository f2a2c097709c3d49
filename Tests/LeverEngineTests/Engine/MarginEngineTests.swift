import Testing
import LeverTestSupport
import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// The engine's standard measures, statuses and liquidation plans on a small lending policy,
/// every number worked by hand in the comments.
struct MarginEngineTests {
    static let policy = HandWorkedLending.policy
    static let market = HandWorkedLending.market

    /// ETH collateral value = 2000 × (1 − 20%) = 1600; weighted by 80% = 1280.
    static let book = """
    {"accounts": [
      {"id": "nodebt", "score": 700, "positions": [{"asset": "ETH", "qty": 1}]},
      {"id": "empty", "score": 700, "positions": []},
      {"id": "onlydebt", "score": 700, "positions": [{"asset": "USDC", "qty": -100}]},
      {"id": "exact", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -1280}]},
      {"id": "below", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -1280.01}]},
      {"id": "deep", "score": 700, "positions": [{"asset": "ETH", "qty": 1}, {"asset": "USDC", "qty": -2000}]}
    ]}
    """

    static func evaluate() throws -> Report {
        let checked = Checker.check(source: policy, path: "lending.lever")
        #expect(checked.diagnostics.filter { $0.severity == .error }.isEmpty, "\(checked.diagnostics.map(\.message))")
        let compiled = try #require(Compiler.compile(checked).0)
        let m = try #require(MarketLoader.load(SourceFile(id: 1, path: "market.json", text: market)).value)
        let b = try #require(BookLoader.load(SourceFile(id: 2, path: "book.json", text: book), market: m).value)
        let engine = MarginEngine(policy: compiled, identity: PolicyIdentity(name: "t", version: "1", hash: ""), horizon: 1.0 / 365)
        return engine.evaluate(book: b, market: m)
    }

    static func number(_ r: Report, _ output: String, _ account: String) -> Double? {
        if case .number(let x) = r.value(output, account: account) { return x }
        return nil
    }

    @Test func noDebtIsInfinitelyHealthy() throws {
        let r = try Self.evaluate()
        #expect(Self.number(r, "collateral", "nodebt") == 1600)   // 2000 × 0.8
        #expect(Self.number(r, "debt", "nodebt") == 0)
        #expect(Self.number(r, "health", "nodebt") == .infinity)
        #expect(r.value("status", account: "nodebt") == .label("healthy"))
    }

    @Test func emptyAccountHasZeroCollateralAndInfiniteHealth() throws {
        let r = try Self.evaluate()
        #expect(Self.number(r, "collateral", "empty") == 0)
        #expect(Self.number(r, "health", "empty") == .infinity)   // 0 ÷ 0 is +∞ by definition
        #expect(r.value("status", account: "empty") == .label("healthy"))
    }

    @Test func zeroCollateralWithDebtIsAllBadDebt() throws {
        let r = try Self.evaluate()
        #expect(Self.number(r, "health", "onlydebt") == 0)          // 0 ÷ 100
        #expect(r.value("status", account: "onlydebt") == .label("liquidatable"))
        let plan = try #require(r.accounts.first { $0.id == "onlydebt" }?.liquidation)
        #expect(plan.steps.isEmpty)
        #expect(plan.badDebt == 100)
        #expect(plan.closeFactor == 1)                             // health 0 < 0.95
    }

    @Test func exactlyAtTheThresholdIsNotLiquidatable() throws {
        // health = 1280 ÷ 1280 = 1; `liquidate when health < 1` is strict, so a margin call
        let r = try Self.evaluate()
        #expect(Self.number(r, "health", "exact") == 1)
        #expect(r.value("status", account: "exact") == .label("margin_call"))
        #expect(r.accounts.first { $0.id == "exact" }?.liquidation == nil)
    }

    @Test func justBelowTheThresholdLiquidatesHalf() throws {
        // health = 1280 ÷ 1280.01 = 0.99999…: liquidatable, close factor 50% (health ≥ 0.95)
        // repay 1280.01 × 50% = 640.005 USDC; seize 640.005 × 1.10 ÷ 2000 = 0.35200275 ETH
        let r = try Self.evaluate()
        #expect(r.value("status", account: "below") == .label("liquidatable"))
        let plan = try #require(r.accounts.first { $0.id == "below" }?.liquidation)
        #expect(plan.closeFactor == 0.5)
        #expect(plan.steps.count == 1)
        #expect(abs(plan.steps[0].repayAmount - 640.005) < 1e-9)
        #expect(abs(plan.steps[0].seizeAmount - 0.35200275) < 1e-12)
        #expect(plan.badDebt == 0)
    }

    @Test func bonusLargerThanRemainingCollateralLeavesBadDebt() throws {
        // health = 1280 ÷ 2000 = 0.64 → close factor 100%; wanted seize 2000 × 1.1 ÷ 2000 = 1.1 ETH > 1 ETH,
        // so all 1 ETH is seized, repaying 1 × 2000 ÷ 1.1 = 1818.1818… USDC; bad debt 181.8181…
        let r = try Self.evaluate()
        let plan = try #require(r.accounts.first { $0.id == "deep" }?.liquidation)
        #expect(plan.closeFactor == 1)
        #expect(plan.steps.first?.seizeAmount == 1)
        #expect(abs((plan.steps.first?.repayAmount ?? 0) - 2000 / 1.1) < 1e-9)
        #expect(abs(plan.badDebt - (2000 - 2000 / 1.1)) < 1e-9)
    }
}
