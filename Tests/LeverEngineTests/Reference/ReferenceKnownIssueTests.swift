import Testing
import LeverCheck
import LeverSyntax
@testable import LeverEngine

/// Disagreements and failures the reference sweep found in the compiled path (all fixed), kept
/// as regression tests.
struct ReferenceKnownIssueTests {
    /// A haircut that depends only on the asset (no `notional`, no venue adjustment) combined with
    /// a tier `haircut_discount` (per account) makes `Lowerer.derivedFieldBody("effective_haircut")`
    /// (Lowerer+Standard.swift:42) multiply an asset-domain node by an account-domain node;
    /// `PlanBuilder.lift` (PlanBuilder.swift:120) has no asset → account move and stops the
    /// process with a precondition failure. The reference evaluates this policy without trouble.
    static let assetHaircutWithTierDiscount = """
    policy "p" version "1"
    input account.score in [0, 1000]
    class c { haircut = 10% }
    asset A : c
    tiers by account.score { [0, 1000] -> T { haircut_discount = 10% } }
    """

    @Test func assetLevelHaircutWithTierDiscountCompiles() async {
        await #expect(processExitsWith: .success) {
            let checked = Checker.check(source: ReferenceKnownIssueTests.assetHaircutWithTierDiscount, path: "p.lever")
            precondition(checked.isValid)
            _ = Compiler.compile(checked)
        }
    }

    /// The reference's value for that policy: a spot long of 1 A at 100 USD, score 500:
    /// haircut 10% × (1 − 10%) = 9%, collateral = 100 × 0.91 = 91.
    @Test func referenceValuesTheAssetLevelHaircutWithTierDiscount() {
        let checked = Checker.check(source: Self.assetHaircutWithTierDiscount, path: "p.lever")
        #expect(checked.isValid)
        let market = MarketSnapshot(asOf: nil, assets: [AssetQuote(symbol: "A", price: 100, vol: 0.5)])
        let reference = ReferenceEvaluator(checked: checked, market: market, horizon: 1.0 / 365)
        let values = reference.evaluate(Account(id: "a", score: 500, positions: [.spot(.init(asset: "A", quantity: 1))]))
        let collateral = values?.first { $0.name == "collateral" }?.value
        guard case .number(let x) = collateral else { Issue.record("no collateral"); return }
        #expect(abs(x - 91) < 1e-9)
    }

    /// `Lowerer.apply` (Lowerer+Properties.swift:47, `let current = value ?? standardDefault(…)`)
    /// computes the standard default even for `=`, which does not need it. The default of
    /// `liquidation_bonus` is the margin block's `bonus`; when `bonus` reads `liquidation_bonus`
    /// (as Rules/lending.lever does: `bonus = max(liquidation_bonus where side == long)`), the
    /// lowerer reports a false cycle (L0801 "the value of `bonus` depends on itself") and refuses
    /// the policy, although every asset sets its own bonus and nothing depends on itself.
    static let bonusFromAssetBonuses = """
    policy "p" version "1"
    class c { liquidation_bonus = 5% }
    asset A : c
    margin { bonus = max(liquidation_bonus where side == long) }
    """

    @Test func marginBonusReadingAssetBonusesCompiles() {
        let checked = Checker.check(source: Self.bonusFromAssetBonuses, path: "p.lever")
        #expect(checked.isValid)
        let (compiled, diagnostics) = Compiler.compile(checked)
        #expect(compiled != nil, "\(diagnostics.map { "\($0.code) \($0.message)" })")
    }

    /// The reference's value: the margin bonus is the largest bonus among long positions: 5%.
    @Test func referenceValuesTheMarginBonusFromAssetBonuses() {
        let checked = Checker.check(source: Self.bonusFromAssetBonuses, path: "p.lever")
        let market = MarketSnapshot(asOf: nil, assets: [AssetQuote(symbol: "A", price: 100, vol: 0.5)])
        let reference = ReferenceEvaluator(checked: checked, market: market, horizon: 1.0 / 365)
        _ = reference.evaluate(Account(id: "a", score: 500, positions: [.spot(.init(asset: "A", quantity: 1))]))
        #expect(reference.setting(.margin, "bonus", ReferenceScope()) == 0.05)
    }

    /// `Lowerer.lowerAssetOutputs` (Lowerer+Outputs.swift:49) publishes `liquidation_bonus` per asset
    /// only when every asset's value depends on nothing above the asset; otherwise it drops the
    /// output and `LiquidationPlanner` (LiquidationPlanner.swift:18) pays a bonus of 0 on every
    /// collateral. The default bonus of an asset is the margin block's `bonus`, which may depend on
    /// the account (`if health < 0.9 then 10% else 5%`): then even assets with their own constant
    /// bonus are liquidated with none.
    static let accountLevelBonus = """
    policy "p" version "1"
    class c { liquidation_threshold = 80% }
    asset A : c
    asset U : c
    margin { bonus = if health < 0.9 then 10% else 5% }
    """

    /// One A at 100 USD against 100 U borrowed at 1 USD: health = 100 × 80% ÷ 100 = 0.8, so the
    /// account is liquidatable, the close factor is the default 50% and the bonus is 10%:
    /// 50 U repaid (50 USD) for 50 × 1.1 = 55 USD of A seized.
    @Test func accountLevelMarginBonusIsPaid() throws {
        let checked = Checker.check(source: Self.accountLevelBonus, path: "p.lever")
        let market = MarketSnapshot(asOf: nil, assets: [AssetQuote(symbol: "A", price: 100, vol: 0.5),
                                                        AssetQuote(symbol: "U", price: 1, vol: 0.01)])
        let account = Account(id: "a", score: 500, positions: [.spot(.init(asset: "A", quantity: 1)),
                                                               .spot(.init(asset: "U", quantity: -100))])
        let reference = ReferenceEvaluator(checked: checked, market: market, horizon: 1.0 / 365)
        let values = try #require(reference.evaluate(account))
        #expect(values.first { $0.name == "status" }?.value == .label("liquidatable"))
        let expected = reference.liquidationPlan(account, closeFactor: 0.5)
        #expect(abs(expected.debtRepaidValue - 50) < 1e-9)
        #expect(abs(expected.collateralSeizedValue - 55) < 1e-9)
        let (comparison, report) = try #require(ReferenceComparison.run(checked: checked, book: Book(accounts: [account]),
                                                                        market: market))
        #expect(comparison.disagreements.isEmpty, "\(comparison.disagreements)")
        #expect(abs((report.accounts[0].liquidation?.collateralSeizedValue ?? 0) - 55) < 1e-9)
    }

    /// The checker accepts a market input as a shock target (`price: -50%`, like `vol: +50%` in
    /// the design's example), but `Lowerer.shocked` (Lowerer+Scenarios.swift:14) only looks for the
    /// asset, its classes, `all` and — for vol only — the bare `vol`; a bare `price` shock is
    /// silently ignored and the scenario loses nothing.
    static let priceShock = """
    policy "p" version "1"
    class c { haircut = 0% }
    asset A : c
    scenario down { price: -50% }
    """

    /// One A at 100 USD, no haircut: equity 100; prices halved: equity 50, so the loss is 50.
    @Test func bareMarketPriceShockMovesPrices() throws {
        let checked = Checker.check(source: Self.priceShock, path: "p.lever")
        #expect(checked.isValid, "\(checked.diagnostics.map(\.message))")
        let market = MarketSnapshot(asOf: nil, assets: [AssetQuote(symbol: "A", price: 100, vol: 0.5)])
        let account = Account(id: "a", score: 500, positions: [.spot(.init(asset: "A", quantity: 1))])
        let reference = ReferenceEvaluator(checked: checked, market: market, horizon: 1.0 / 365)
        let values = try #require(reference.evaluate(account))
        #expect(values.first { $0.name == "loss_down" }?.value == .number(50))
        let (comparison, _) = try #require(ReferenceComparison.run(checked: checked, book: Book(accounts: [account]),
                                                                   market: market))
        #expect(comparison.disagreements.isEmpty, "\(comparison.disagreements)")
    }
}
